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
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.smartcharging.SmartCharging;
import dev.kilowatt.core.transaction.Transactions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

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

  /** Completes {@code result} with the central system's answer, or exceptionally when it cannot be delivered or answered. */
  void dataTransfer(String vendorId, Optional<String> messageId, Optional<String> data, CompletableFuture<DataTransferResponse> result) {
    vendors.send(new DataTransferRequest(vendorId, messageId, data), result::complete,
        why -> result.completeExceptionally(new IllegalStateException("DataTransfer not answered: " + why)));
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

  /** {@return done once {@code task} has run on the loop of {@code scheduler}; failed if it throws} */
  static CompletableFuture<Void> runOnLoop(Scheduler scheduler, Runnable task) {
    return onLoop(scheduler, () -> {
      task.run();
      return null;
    });
  }

  /** {@return what {@code query} finds, asked on the loop of {@code scheduler}; failed if it throws} */
  static <T> CompletableFuture<T> onLoop(Scheduler scheduler, Supplier<T> query) {
    CompletableFuture<T> result = new CompletableFuture<>();
    scheduler.execute(() -> {
      try {
        result.complete(query.get());
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }
}
