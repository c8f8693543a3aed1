package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.ledger.StorageJournal;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.security.SecurityEvents;
import dev.kilowatt.core.storage.WriteBehind;
import dev.kilowatt.test.InMemoryStorage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, defect 6: the loop never waits for the {@link Storage}. Saves go to a write-behind; the answers that need
 * them durable wait for them, a refused save is a fault the charger reports and recovers from.
 */
class StorageOffTheLoopTest {

  private static final String SETTINGS = "configuration";

  /**
   * A storage whose saves of one key take as long as the test wants (standing for 200 ms of flash): the save waits
   * until released, on whatever thread it was called. It gives up after 5 s, so that a save on the loop fails the
   * test instead of hanging it.
   */
  static final class SlowStorage implements Storage {
    final InMemoryStorage values = new InMemoryStorage();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile String slowKey = "";
    volatile boolean finished;
    volatile Thread savedOn;

    @Override
    public <T extends Record> Optional<T> load(String key, Class<T> type) {
      return values.load(key, type);
    }

    @Override
    public void save(String key, Record value) {
      if (key.equals(slowKey)) {
        savedOn = Thread.currentThread();
        started.countDown();
        try {
          release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        values.save(key, value);
        finished = true;
        return;
      }
      values.save(key, value);
    }

    @Override
    public void delete(String key) {
      values.delete(key);
    }

    @Override
    public List<String> keys(String prefix) {
      return values.keys(prefix);
    }
  }

  @Test
  void aPilotEventIsHandledWhileASaveIsInProgressOnTheWriter() throws InterruptedException {
    SlowStorage storage = new SlowStorage();
    CountDownLatch written = new CountDownLatch(1);
    Executor writer = task -> WriteBehind.VIRTUAL_THREADS.execute(() -> {
      task.run();
      if (storage.finished) {
        written.countDown();
      }
    });
    Harness h = new Harness(1, storage).customize(b -> b.storageWriter(writer)).online();
    storage.slowKey = SETTINGS;

    String change = h.cs.call(new ChangeConfigurationRequest("HeartbeatInterval", "120"));
    while (!storage.started.await(10, TimeUnit.MILLISECONDS)) {
      h.run();
    }
    h.ev(PilotState.B);

    assertTrue(h.statusChanges.contains("1:Preparing"), "the loop handled the pilot: " + h.statusChanges);
    assertFalse(storage.finished, "while the save was still in progress");
    assertNotSame(Thread.currentThread(), storage.savedOn, "the save runs off the loop");
    assertEquals(Optional.empty(), h.cs.replyTo(change), "ChangeConfiguration waits for its save");

    storage.release.countDown();
    assertTrue(written.await(5, TimeUnit.SECONDS));
    // the slow write may be an earlier save of the settings: the change's own write follows on the writer
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (h.cs.replyTo(change).isEmpty() && System.nanoTime() < giveUp) {
      h.run();
      Thread.onSpinWait();
    }
    assertEquals(Optional.of(new ChangeConfigurationResponse(ConfigurationStatus.ACCEPTED)), h.cs.replyTo(change));
    assertEquals("120", settings(storage.values).get("HeartbeatInterval"));
  }

  @Test
  void changeConfigurationIsAnsweredOnlyOnceItsValueIsDurable() {
    HeldWriter writer = new HeldWriter();
    InMemoryStorage medium = new InMemoryStorage();
    Harness h = new Harness(1, medium).customize(b -> b.storageWriter(writer)).online();
    writer.finishAll(h);

    String change = h.cs.call(new ChangeConfigurationRequest("MeterValueSampleInterval", "30"));
    h.run();
    assertEquals(Optional.empty(), h.cs.replyTo(change));
    assertEquals(Optional.of("60"), value(h, "MeterValueSampleInterval"), "not in force before it is durable");

    writer.finishAll(h);
    assertEquals(Optional.of(new ChangeConfigurationResponse(ConfigurationStatus.ACCEPTED)), h.cs.replyTo(change));
    assertEquals("30", settings(medium).get("MeterValueSampleInterval"));
    assertEquals(Optional.of("30"), value(h, "MeterValueSampleInterval"));
  }

  @Test
  void aRefusedSaveIsAReportedFaultItsChangeIsRejectedAndRevertedAndTheRetryClearsIt() {
    FaultyStorage storage = new FaultyStorage();
    Harness h = new Harness(1, storage).online();
    Optional<String> before = value(h, "HeartbeatInterval");
    storage.failSavesOf(SETTINGS);

    assertEquals(ConfigurationStatus.REJECTED, change(h, "HeartbeatInterval", "120"));
    assertEquals(before, value(h, "HeartbeatInterval"), "the value saved before stays in force");
    StatusNotificationRequest fault = lastOfConnectorZero(h);
    assertEquals(ChargePointErrorCode.INTERNAL_ERROR, fault.errorCode());
    assertEquals(Optional.of("StorageWriteFailed"), fault.vendorErrorCode());

    storage.failSavesOf(null);
    assertEquals(ConfigurationStatus.REJECTED, change(h, "MeterValueSampleInterval", "30"), "refused cleanly while faulted");
    assertEquals(Optional.of("60"), value(h, "MeterValueSampleInterval"));

    h.advance(WriteBehind.RETRY_EVERY);
    assertEquals(ChargePointErrorCode.NO_ERROR, lastOfConnectorZero(h).errorCode(), "the fault clears");
    assertFalse(settings(storage).containsKey("HeartbeatInterval"), "the refused value is never written later");
    assertTrue(storage.load(SecurityEvents.LOG_KEY, SecurityEvents.Log.class).orElseThrow().entries().stream()
        .anyMatch(e -> e.type().equals("StorageWriteFailed")), "in the security log, written once the storage takes writes");
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "MeterValueSampleInterval", "30"));
    assertEquals("30", settings(storage).get("MeterValueSampleInterval"));
  }

  @Test
  void tenChangesOfTheSettingsAtOnceMakeAtMostTwoWrites() {
    FaultyStorage storage = new FaultyStorage();
    Harness h = new Harness(1, storage).online();
    int before = storage.saves();
    List<String> calls = new java.util.ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      calls.add(h.cs.call(new ChangeConfigurationRequest("MeterValueSampleInterval", Integer.toString(10 + i))));
    }
    h.run();
    assertTrue(storage.saves() - before <= 2, (storage.saves() - before) + " writes");
    calls.forEach(id -> assertEquals(Optional.of(new ChangeConfigurationResponse(ConfigurationStatus.ACCEPTED)), h.cs.replyTo(id)));
    assertEquals("20", settings(storage).get("MeterValueSampleInterval"));
    assertEquals(Optional.of("20"), value(h, "MeterValueSampleInterval"));
  }

  @Test
  void aLedgerKeptInTheStorageIsSavedOffTheLoop() throws InterruptedException {
    SlowStorage storage = new SlowStorage();
    Harness h = new Harness(1, storage).ledgerInStorage().customize(b -> b.storageWriter(WriteBehind.VIRTUAL_THREADS));
    storage.slowKey = "journal/00000000000000000001";
    h.online();

    h.card("CARD");
    h.ev(PilotState.C);
    while (!storage.started.await(10, TimeUnit.MILLISECONDS)) {
      h.run();
    }
    h.ev(PilotState.B);

    assertTrue(h.statusChanges.contains("1:SuspendedEV"), "the loop handled the pilot: " + h.statusChanges);
    assertFalse(storage.finished, "while the ledger's save was still in progress");
    assertNotSame(Thread.currentThread(), storage.savedOn, "the ledger's save runs off the loop");
    assertEquals(List.of(), h.cs.sent(StartTransactionRequest.class), "StartTransaction waits for its record");

    storage.release.countDown();
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (h.cs.sent(StartTransactionRequest.class).isEmpty() && System.nanoTime() < giveUp) {
      h.run();
      Thread.onSpinWait();
    }
    assertEquals(1, h.cs.sent(StartTransactionRequest.class).size(), "sent once its record is durable");
  }

  @Test
  void aStopSavesTheLedgerRecordsStillQueuedAndNothingAfterIt() {
    HeldWriter writer = new HeldWriter();
    InMemoryStorage medium = new InMemoryStorage();
    Harness h = new Harness(1, medium).ledgerInStorage().customize(b -> b.storageWriter(writer)).online();
    writer.finishAll(h);
    h.startCharging();
    assertEquals(List.of(), medium.keys("journal/"), "the transaction's records wait for the writer");

    CompletableFuture<Void> stopped = h.cp.stop();
    assertFalse(stopped.isDone(), "the stop runs on the loop, so it is not done when asked");
    h.run();
    assertTrue(stopped.isDone(), "done once the loop has stopped and saved what was queued");
    List<String> saved = medium.keys("journal/");
    assertTrue(new StorageJournal(medium, Runnable::run, h.time).replay().stream().anyMatch(e -> e.key().equals("tx/1/start")),
        "the stop saved the transaction's start: " + saved);
    writer.finishAll(h);
    assertEquals(saved, medium.keys("journal/"), "nothing is saved after the stop");
  }

  private static ConfigurationStatus change(Harness h, String key, String value) {
    return ((ChangeConfigurationResponse) h.call(new ChangeConfigurationRequest(key, value))).status();
  }

  static Optional<String> value(Harness h, String key) {
    GetConfigurationResponse answer = h.callOk(new GetConfigurationRequest(List.of(key)));
    return answer.configurationKey().get(0).value();
  }

  static Map<String, String> settings(Storage storage) {
    return storage.load(SETTINGS, Configuration.Values.class).map(Configuration.Values::changed).orElse(Map.of());
  }

  static StatusNotificationRequest lastOfConnectorZero(Harness h) {
    return h.cs.sent(StatusNotificationRequest.class).stream().filter(s -> s.connectorId() == 0).reduce((a, b) -> b).orElseThrow();
  }
}
