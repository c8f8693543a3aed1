package dev.kilowatt.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.message.DiagnosticsStatus;
import dev.kilowatt.core.message.DiagnosticsStatusNotificationRequest;
import dev.kilowatt.core.message.DiagnosticsStatusNotificationResponse;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.time.VirtualTime;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.ScriptedCentralSystem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The saved record of a procedure and the statuses it owes, on their own: an outbox on virtual time and a
 * fake central system that the test answers by hand.
 */
class StatusReportQueueTest {

  private static final String KEY = "errand";
  private static final DiagnosticsStatus UPLOADING = DiagnosticsStatus.UPLOADING;
  private static final DiagnosticsStatus UPLOADED = DiagnosticsStatus.UPLOADED;

  /** A procedure's record; {@code over} stands for a procedure that has no more use for it. */
  record Errand(String step, boolean over, List<DiagnosticsStatus> unreported)
      implements StatusReportQueue.Saved<Errand, DiagnosticsStatus> {

    Errand {
      unreported = List.copyOf(unreported);
    }

    @Override
    public Errand withUnreported(List<DiagnosticsStatus> reports) {
      return new Errand(step, over, reports);
    }

    @Override
    public boolean disposable() {
      return over;
    }
  }

  private final VirtualTime time = new VirtualTime(Harness.START);
  private final Storage storage = new InMemoryStorage();
  private final Counters counters = new Counters();
  private final ScriptedCentralSystem cs = new ScriptedCentralSystem(time::now);
  private final Outbox outbox = new Outbox(time, storage, new Configuration(storage, Map.of()), Duration.ofSeconds(30), counters);

  StatusReportQueueTest() {
    cs.holdAnswers();
    OutboxWiring.attach(outbox, cs);
    cs.connect(new ConnectionSettings(Optional.empty(), Duration.ZERO, 0), OutboxWiring.listener(time, outbox, () -> {
      outbox.connected();
      outbox.accepted();
    }, outbox::disconnected));
  }

  private StatusReportQueue<Errand, DiagnosticsStatus> queue() {
    return new StatusReportQueue<>(storage, KEY, Errand.class, outbox, counters, DiagnosticsStatusNotificationRequest::new);
  }

  /** A queue that has just saved {@code errand} and tried to deliver its statuses. */
  private StatusReportQueue<Errand, DiagnosticsStatus> owing(Errand errand) {
    StatusReportQueue<Errand, DiagnosticsStatus> queue = queue();
    queue.save(errand);
    queue.pump();
    return queue;
  }

  private void online() {
    cs.goOnline();
    time.runPending();
  }

  private void answer() {
    cs.answer(new DiagnosticsStatusNotificationResponse());
    time.runPending();
  }

  private List<DiagnosticsStatus> sent() {
    return cs.sent(DiagnosticsStatusNotificationRequest.class).stream().map(DiagnosticsStatusNotificationRequest::status).toList();
  }

  private Optional<Errand> saved() {
    return storage.load(KEY, Errand.class);
  }

  @Test
  void statusesGoOneAtATimeInOrderAndTheSpentRecordGoesWithTheLast() {
    online();
    StatusReportQueue<Errand, DiagnosticsStatus> queue = owing(new Errand("uploading", false, List.of(UPLOADING)));
    queue.save(queue.record().orElseThrow().withReport(UPLOADED));
    queue.pump();

    assertEquals(List.of(UPLOADING), sent(), "the second waits for the first to be answered");
    answer();
    assertEquals(List.of(UPLOADING, UPLOADED), sent());
    assertEquals(List.of(UPLOADED), saved().orElseThrow().unreported(), "delivery is saved");

    queue.save(new Errand("done", true, queue.unreported()));
    answer();
    assertEquals(Optional.empty(), queue.record());
    assertEquals(Optional.empty(), saved(), "nothing left to resume");
  }

  @Test
  void aRecordTheProcedureStillNeedsOutlivesItsStatuses() {
    online();
    StatusReportQueue<Errand, DiagnosticsStatus> queue = owing(new Errand("waiting", false, List.of(UPLOADING)));
    answer();

    Errand kept = new Errand("waiting", false, List.of());
    assertEquals(Optional.of(kept), queue.record());
    assertEquals(Optional.of(kept), saved());
  }

  @Test
  void nothingGoesBeforeTheCentralSystemAcceptedTheChargePoint() {
    StatusReportQueue<Errand, DiagnosticsStatus> queue = owing(new Errand("uploading", false, List.of(UPLOADING)));
    assertEquals(List.of(), sent());

    online();
    queue.pump();
    assertEquals(List.of(UPLOADING), sent());
  }

  @Test
  void aStatusLostWithTheConnectionGoesAgainOnTheNext() {
    online();
    StatusReportQueue<Errand, DiagnosticsStatus> queue = owing(new Errand("uploading", false, List.of(UPLOADING)));
    cs.goOffline();
    time.runPending();
    assertEquals(List.of(UPLOADING), saved().orElseThrow().unreported());

    online();
    queue.pump();
    assertEquals(List.of(UPLOADING, UPLOADING), sent());
  }

  @Test
  void aStatusTheCentralSystemRefusesIsDroppedAndCounted() {
    online();
    owing(new Errand("failed", true, List.of(UPLOADING, DiagnosticsStatus.UPLOAD_FAILED)));
    cs.answerError(CallError.Code.INTERNAL_ERROR);
    time.runPending();

    assertEquals(1, counters.get("progress.rejected"));
    assertEquals(List.of(UPLOADING, DiagnosticsStatus.UPLOAD_FAILED), sent(), "the next one follows");
    answer();
    assertEquals(Optional.empty(), saved());
  }

  @Test
  void afterAPowerCutTheRecordComesBackWithTheStatusesItStillOwes() {
    queue().save(new Errand("uploading", false, List.of(UPLOADING, UPLOADED)));

    StatusReportQueue<Errand, DiagnosticsStatus> afterReboot = queue();
    assertEquals(Optional.empty(), afterReboot.record(), "nothing is known before it is loaded");
    assertEquals(List.of(), afterReboot.unreported());
    assertEquals("uploading", afterReboot.load().orElseThrow().step());
    assertEquals(List.of(UPLOADING, UPLOADED), afterReboot.unreported());

    online();
    afterReboot.pump();
    answer();
    assertEquals(List.of(UPLOADING, UPLOADED), sent());
  }
}
