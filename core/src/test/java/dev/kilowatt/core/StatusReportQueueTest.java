package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.DiagnosticsStatus;
import dev.kilowatt.core.message.DiagnosticsStatusNotificationRequest;
import dev.kilowatt.core.message.DiagnosticsStatusNotificationResponse;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.sim.InMemoryStorage;
import dev.kilowatt.core.time.VirtualTime;
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
  private final FakeCentralSystem cs = new FakeCentralSystem();
  private final Outbox outbox = new Outbox(time, storage, new Configuration(storage, Map.of()), Duration.ofSeconds(30), counters);

  StatusReportQueueTest() {
    cs.automatic = false;
    outbox.attach(cs, new Outbox.TransactionReceiver() {
      @Override
      public Optional<ChargePointRequest<?>> prepare(Outbox.Queued queued) {
        return Optional.of(queued.request());
      }

      @Override
      public void onAnswered(Outbox.Queued queued, Response response) {}

      @Override
      public void onGivenUp(Outbox.Queued queued) {}
    });
    cs.listener = new CentralSystem.Listener() {
      @Override
      public void onConnected() {
        time.execute(() -> {
          outbox.connected();
          outbox.accepted();
        });
      }

      @Override
      public void onDisconnected(String reason) {
        time.execute(outbox::disconnected);
      }

      @Override
      public void onCallResult(String callId, Response response) {
        time.execute(() -> outbox.onResult(callId, response));
      }

      @Override
      public void onCallError(String callId, CallError error) {
        time.execute(() -> outbox.onError(callId, error));
      }

      @Override
      public void onCall(String callId, CentralSystemRequest<?> request) {
        throw new UnsupportedOperationException("nothing calls the charge point here");
      }
    };
  }

  private StatusReportQueue<Errand, DiagnosticsStatus> queue() {
    return new StatusReportQueue<>(storage, KEY, Errand.class, outbox, counters, DiagnosticsStatusNotificationRequest::new);
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
    StatusReportQueue<Errand, DiagnosticsStatus> queue = queue();
    queue.save(new Errand("uploading", false, List.of(DiagnosticsStatus.UPLOADING)));
    queue.pump();
    queue.save(queue.record().orElseThrow().withReport(DiagnosticsStatus.UPLOADED));
    queue.pump();

    assertEquals(List.of(DiagnosticsStatus.UPLOADING), sent(), "the second waits for the first to be answered");
    answer();
    assertEquals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOADED), sent());
    assertEquals(List.of(DiagnosticsStatus.UPLOADED), saved().orElseThrow().unreported(), "delivery is saved");

    queue.save(new Errand("done", true, queue.unreported()));
    answer();
    assertEquals(Optional.empty(), queue.record());
    assertEquals(Optional.empty(), saved(), "nothing left to resume");
  }

  @Test
  void aRecordTheProcedureStillNeedsOutlivesItsStatuses() {
    online();
    StatusReportQueue<Errand, DiagnosticsStatus> queue = queue();
    queue.save(new Errand("waiting", false, List.of(DiagnosticsStatus.UPLOADING)));
    queue.pump();
    answer();

    Errand kept = new Errand("waiting", false, List.of());
    assertEquals(Optional.of(kept), queue.record());
    assertEquals(Optional.of(kept), saved());
  }

  @Test
  void nothingGoesBeforeTheCentralSystemAcceptedTheChargePoint() {
    StatusReportQueue<Errand, DiagnosticsStatus> queue = queue();
    queue.save(new Errand("uploading", false, List.of(DiagnosticsStatus.UPLOADING)));
    queue.pump();
    assertEquals(List.of(), sent());

    online();
    queue.pump();
    assertEquals(List.of(DiagnosticsStatus.UPLOADING), sent());
  }

  @Test
  void aStatusLostWithTheConnectionGoesAgainOnTheNext() {
    online();
    StatusReportQueue<Errand, DiagnosticsStatus> queue = queue();
    queue.save(new Errand("uploading", false, List.of(DiagnosticsStatus.UPLOADING)));
    queue.pump();
    cs.goOffline();
    time.runPending();
    assertEquals(List.of(DiagnosticsStatus.UPLOADING), saved().orElseThrow().unreported());

    online();
    queue.pump();
    assertEquals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOADING), sent());
  }

  @Test
  void aStatusTheCentralSystemRefusesIsDroppedAndCounted() {
    online();
    StatusReportQueue<Errand, DiagnosticsStatus> queue = queue();
    queue.save(new Errand("failed", true, List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOAD_FAILED)));
    queue.pump();
    cs.answerError(CallError.Code.INTERNAL_ERROR);
    time.runPending();

    assertEquals(1, counters.get("progress.rejected"));
    assertEquals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOAD_FAILED), sent(), "the next one follows");
    answer();
    assertEquals(Optional.empty(), saved());
  }

  @Test
  void afterAPowerCutTheRecordComesBackWithTheStatusesItStillOwes() {
    queue().save(new Errand("uploading", false, List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOADED)));

    StatusReportQueue<Errand, DiagnosticsStatus> afterReboot = queue();
    assertTrue(afterReboot.record().isEmpty(), "nothing is known before it is loaded");
    assertEquals(List.of(), afterReboot.unreported());
    Errand loaded = afterReboot.load().orElseThrow();
    assertEquals("uploading", loaded.step());
    assertEquals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOADED), afterReboot.unreported());

    online();
    afterReboot.pump();
    answer();
    assertEquals(List.of(DiagnosticsStatus.UPLOADING, DiagnosticsStatus.UPLOADED), sent());
  }
}
