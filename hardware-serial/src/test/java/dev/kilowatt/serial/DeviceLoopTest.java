package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.FaultListener;
import dev.kilowatt.core.port.HardwareFault;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The device loop's retry and fault policy, with scripted exchanges instead of a line. */
class DeviceLoopTest {

  private static final SerialDeviceConfig CONFIG =
      SerialDeviceConfig.of("/dev/null", 9600).withPollInterval(Duration.ofMillis(10)).withResponseTimeout(Duration.ofMillis(50));

  private final RecordingListener listener = new RecordingListener();
  private final Scripted loop = new Scripted();

  /** Each exchange takes the next outcome: null for success, or the failure to throw. */
  private static final class Scripted extends DeviceLoop<FaultListener> {
    private final Deque<Exception> outcomes = new ArrayDeque<>();
    final AtomicInteger exchanges = new AtomicInteger();
    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger disconnects = new AtomicInteger();
    final List<Long> exchangeTimes = new CopyOnWriteArrayList<>();
    volatile Exception connectFailure;

    Scripted() {
      super("scripted", CONFIG, "thing", ConnectorFault.POWER_METER_FAILURE);
    }

    @Override
    void connect() throws DeviceException {
      connects.incrementAndGet();
      if (connectFailure instanceof DeviceException e) {
        throw e;
      }
    }

    @Override
    void exchange() throws DeviceException {
      exchangeTimes.add(System.nanoTime());
      exchanges.incrementAndGet();
      Exception next;
      synchronized (outcomes) {
        next = outcomes.poll();
      }
      if (next instanceof DeviceException e) {
        throw e;
      }
      if (next instanceof RuntimeException e) {
        throw e;
      }
    }

    @Override
    void disconnect() {
      disconnects.incrementAndGet();
    }

    /** Queues outcomes at once, so that no exchange slips in between them. */
    void script(Exception... next) {
      synchronized (outcomes) {
        outcomes.addAll(List.of(next));
      }
    }
  }

  @AfterEach
  void stop() {
    loop.stop();
  }

  private static DeviceException failure(String code, boolean reconnect) {
    return new DeviceException(code, "scripted " + code, reconnect);
  }

  @Test
  void aFaultNeedsThreeFailuresInARowAndIsClearedByTheNextSuccess() {
    loop.script(failure("CRC", false), failure("CRC", false));
    loop.start(listener);
    Await.until(() -> loop.exchanges.get() >= 4, "four exchanges");
    assertTrue(listener.faults().isEmpty(), "two failures are no fault");

    loop.script(failure("TIMEOUT", false), failure("TIMEOUT", false), failure("TIMEOUT", false));
    Await.until(() -> !listener.cleared().isEmpty(), "the fault to clear");

    assertEquals(
        List.of(new HardwareFault("thing", ConnectorFault.POWER_METER_FAILURE, "TIMEOUT", "scripted TIMEOUT"),
            new RecordingListener.Cleared("thing")),
        listener.events);
    assertEquals(5, loop.failedExchanges());
  }

  @Test
  void aChangedCauseIsReportedAgain() {
    loop.script(failure("TIMEOUT", true), failure("TIMEOUT", true), failure("TIMEOUT", true), failure("PORT", true));
    loop.start(listener);

    Await.until(() -> listener.cleared().size() == 1, "the fault to clear");

    assertEquals(List.of("TIMEOUT", "PORT"), listener.faults().stream().map(HardwareFault::vendorErrorCode).toList());
    assertEquals(5, loop.connects.get(), "a reconnect after each failure that asks for one");
  }

  @Test
  void retriesBackOffUpToEightPollIntervals() {
    for (int i = 0; i < 6; i++) {
      loop.script(failure("TIMEOUT", false));
    }
    loop.start(listener);
    Await.until(() -> loop.exchanges.get() >= 7, "seven exchanges");

    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < 7; i++) {
      gaps.add((loop.exchangeTimes.get(i) - loop.exchangeTimes.get(i - 1)) / 1_000_000);
    }
    long[] least = {10, 20, 40, 80, 80, 80};
    for (int i = 0; i < least.length; i++) {
      assertTrue(gaps.get(i) >= least[i], "gap " + i + " of " + gaps);
    }
    assertTrue(gaps.get(5) < 300, "capped at 80 ms, not doubled to 320: " + gaps);
  }

  @Test
  void aHalfOpenedConnectionIsReleasedBeforeTheNextTry() {
    loop.connectFailure = failure("NO_READER", true);
    loop.start(listener);

    Await.until(() -> loop.connects.get() >= 2, "a second connect");

    assertTrue(loop.disconnects.get() >= 1);
    assertEquals(0, loop.exchanges.get());
  }

  @Test
  void anUnexpectedExceptionIsAnInternalFailureAndTheLoopGoesOn() {
    loop.script(new IllegalStateException("bug"), new IllegalStateException("bug"), new IllegalStateException("bug"));
    loop.start(listener);

    Await.until(() -> listener.cleared().size() == 1, "the fault to clear");

    assertEquals("INTERNAL", listener.faults().get(0).vendorErrorCode());
  }

  @Test
  void aFailingListenerDoesNotStopTheLoop() {
    FaultListener throwing = new FaultListener() {
      @Override
      public void onFault(HardwareFault fault) {
        throw new IllegalStateException("listener bug");
      }
    };
    loop.script(failure("TIMEOUT", false), failure("TIMEOUT", false), failure("TIMEOUT", false));
    loop.start(throwing);

    Await.until(() -> loop.exchanges.get() >= 6, "exchanges after the listener failed");
  }

  @Test
  void wakeUpCutsTheWaitShort() {
    SerialDeviceConfig slow = CONFIG.withPollInterval(Duration.ofSeconds(30));
    AtomicInteger exchanges = new AtomicInteger();
    DeviceLoop<FaultListener> sleepy = new DeviceLoop<>("sleepy", slow, "thing", ConnectorFault.OTHER) {
      @Override
      void connect() {}

      @Override
      void exchange() {
        exchanges.incrementAndGet();
      }

      @Override
      void disconnect() {}
    };
    sleepy.start(listener);
    try {
      Await.until(() -> exchanges.get() == 1, "the first exchange");
      sleepy.wakeUp();
      Await.until(() -> exchanges.get() == 2, "an exchange long before the poll interval");
    } finally {
      sleepy.stop();
    }
  }

  @Test
  void startsOnceAndNotAfterStop() {
    loop.start(listener);
    assertThrows(IllegalStateException.class, () -> loop.start(listener));

    Scripted closed = new Scripted();
    closed.stop();
    assertThrows(IllegalStateException.class, () -> closed.start(listener));
  }
}
