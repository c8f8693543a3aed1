package dev.kilowatt.core;

import dev.kilowatt.core.availability.Availability;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.datatransfer.VendorCalls;
import dev.kilowatt.core.ledger.TransactionRecord;
import dev.kilowatt.core.message.DataTransferRequest;
import dev.kilowatt.core.message.DataTransferResponse;
import dev.kilowatt.core.message.GetCompositeScheduleRequest;
import dev.kilowatt.core.message.GetCompositeScheduleResponse;
import dev.kilowatt.core.smartcharging.SmartCharging;
import dev.kilowatt.core.transaction.Transactions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** What {@link ChargePoint} asks of the blocks for the embedder, on the event loop, each asked of the block that owns it. */
record EmbedderQueries(Availability availability, SmartCharging smartCharging, List<Connector> connectors, Transactions transactions,
    VendorCalls vendors, Configuration config) {

  List<ConnectorSnapshot> snapshot() {
    return availability.snapshot();
  }

  GetCompositeScheduleResponse compositeSchedule(GetCompositeScheduleRequest request) {
    return smartCharging.composite(request, connectors);
  }

  int queuedTransactionMessages() {
    return transactions.queuedMessages();
  }

  void dataTransferToCentralSystem(DataTransferRequest request, Consumer<DataTransferResponse> onAnswer, Consumer<String> onFailure) {
    vendors.send(request, onAnswer, onFailure);
  }

  Optional<String> configurationValue(String key) {
    return config.readable(key);
  }

  List<TransactionRecord> transactionRecords() {
    return transactions.records();
  }

  Map<String, String> configurationSnapshot() {
    return config.snapshotMasked();
  }
}
