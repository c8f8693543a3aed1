package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kilowatt.core.message.ChangeAvailabilityRequest;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.HeartbeatResponse;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.RecordingLinkListener;
import dev.kilowatt.test.TestLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The core hears the CSMS in the order of the wire: a call of the CSMS that follows its answer to a call of the
 * station reaches the core after that answer (a RequestStopTransaction right after the answer to the Started
 * event must find the transaction's id known). The loop runs only when the test says, so both frames are waiting
 * on it before either is handled, against ocpp-rpc's server in strict mode.
 */
class WireOrderSessionTest {

  private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(60);

  private CentralSystemProcess csms;
  private final TestLoop loop = new TestLoop(Instant.now());
  /** What the link's threads have handed to the loop so far. */
  private final AtomicInteger posted = new AtomicInteger();
  private final CoreProbe core = new CoreProbe();
  private Ocpp201CentralSystem port;

  @BeforeEach
  void connect() {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    Scheduler counted = new Scheduler() {
      @Override
      public Instant now() {
        return loop.now();
      }

      @Override
      public void execute(Runnable task) {
        posted.incrementAndGet();
        loop.execute(task);
      }

      @Override
      public Timer schedule(Duration delay, Runnable task) {
        return loop.schedule(delay, task);
      }
    };
    port = new Ocpp201CentralSystem(csms.address("KW-0001"), counted, new InMemoryStorage());
    port.connect(PortSession.SETTINGS, core);
    loop.awaitUntil("the connection", Duration.ofMillis(10), () -> !core.quiet());
    core.next(RecordingLinkListener.Connected.class);
    csms.awaitPrefix("connected KW-0001 ocpp2.0.1");
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    port.disconnect();
    csms.close();
  }

  /** Waits, without running the loop, until the link's threads have handed it {@code count} more tasks. */
  private void awaitPosted(int before, int count) {
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    while (posted.get() < before + count) {
      if (System.nanoTime() > deadline) {
        fail("the link handed the loop " + (posted.get() - before) + " tasks, not " + count);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  @Test
  void aCallOfTheCentralSystemRightAfterItsAnswerReachesTheCoreAfterTheAnswer() {
    csms.send("then Heartbeat c1 ChangeAvailability {\"operationalStatus\":\"Operative\"}");
    csms.awaitPrefix("then Heartbeat");
    int before = posted.get();

    port.send("h1", new HeartbeatRequest());
    awaitPosted(before, 2);
    loop.runPending();

    core.result("h1", HeartbeatResponse.class);
    assertInstanceOf(ChangeAvailabilityRequest.class, core.next(RecordingLinkListener.Call.class).request());
  }
}
