package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.connector.MeterSample;
import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.ledger.MemoryJournal;
import dev.kilowatt.core.ledger.StorageJournal;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.storage.FileJournal;
import dev.kilowatt.storage.FileStorage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction that a version keeping OCPP 1.6 MeterValues as its stop samples saved, cut by a power loss two
 * minutes in, is stopped after the boot with exactly the StopTransaction that version sent for it. The test
 * resources under {@code older-samples} are what that version wrote: the data directory of a charge point on the
 * file store alone, the same records in a journal segment, and the StopTransaction it sent after the boot. (An
 * older version still kept the running transaction under {@code transaction/} in the store, in the same shape.)
 */
class OlderStopSamplesTest {

  @TempDir
  Path dataDir;

  @Test
  void aTransactionInTheFileStoreStopsWithItsOlderSamples() throws IOException {
    copy("store", dataDir);
    FileStorage storage = FileStorage.open(dataDir);
    Harness h = new Harness(1, storage);
    h.customize(b -> b.journal(new StorageJournal(storage, Runnable::run, h.time)));

    h.online();

    assertEquals(List.of(expectedStop()), h.cs.sent(StopTransactionRequest.class));
    assertEquals(0, storage.unreadableValues());
  }

  @Test
  void aTransactionInAJournalSegmentStopsWithItsOlderSamples() throws IOException {
    Path journalDir = dataDir.resolve("journal");
    copy("journal", journalDir);
    List<Journal.Entry> entries;
    try (EventLoop loop = new EventLoop(); FileJournal journal = FileJournal.open(journalDir, loop)) {
      entries = journal.replay();
    }
    Harness h = new Harness();
    MemoryJournal flash = h.flash.open(h.time);
    entries.forEach(e -> flash.append(e.key(), e.payload(), outcome -> {}));
    h.run();

    h.online();

    assertEquals(List.of("tx-counter", "tx/1/start", "tx/1/answer", "tx/1/running"), entries.stream().map(Journal.Entry::key).toList());
    assertEquals(List.of(expectedStop()), h.cs.sent(StopTransactionRequest.class));
  }

  @Test
  void aTransactionKeptUnderItsConnectorByAnOlderVersionLoadsWithItsSamples() throws IOException {
    Files.writeString(dataDir.resolve("transaction+1.json"), "{\"number\":1,\"connectorId\":1,\"idTag\":\"CARD\","
        + "\"started\":\"2025-06-01T12:00:00Z\",\"meterStartWh\":10000,\"deauthorized\":false,\"lastEnergyWh\":10000.0,"
        + "\"lastSeen\":\"2025-06-01T12:00:00Z\",\"stopData\":[{\"timestamp\":\"2025-06-01T12:00:00Z\",\"sampledValue\":[{\"value\":\"230.0\","
        + "\"context\":\"TRANSACTION_BEGIN\",\"format\":\"RAW\",\"measurand\":\"VOLTAGE\",\"phase\":\"L1_N\",\"location\":\"OUTLET\",\"unit\":\"V\"}]}]}");

    Optional<Transaction> tx = FileStorage.open(dataDir).load("transaction/1", Transaction.class);

    assertEquals(Optional.of(List.of(new MeterSample(Instant.parse("2025-06-01T12:00:00Z"), List.of(new MeterSample.Measurement("230.0",
        Optional.of(MeterSample.Context.TRANSACTION_BEGIN), Optional.of(MeterSample.Format.RAW), Optional.of(MeterSample.Measurand.VOLTAGE),
        Optional.of(MeterSample.Phase.L1_N), Optional.of(MeterSample.Location.OUTLET), Optional.of(MeterSample.Unit.V)))))),
        tx.map(Transaction::stopData));
  }

  private StopTransactionRequest expectedStop() throws IOException {
    Path dir = dataDir.resolve("expected");
    Files.createDirectories(dir);
    Files.copy(resources().resolve("expected-stop.json"), dir.resolve("stop.json"));
    return FileStorage.open(dir).load("stop", StopTransactionRequest.class).orElseThrow();
  }

  private static void copy(String resource, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(resources().resolve(resource))) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }

  private static Path resources() {
    try {
      return Path.of(OlderStopSamplesTest.class.getResource("older-samples").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
