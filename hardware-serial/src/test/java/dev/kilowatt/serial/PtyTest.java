package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that run an adapter on real serial I/O: a fresh socat pair per test, failing with a reason
 * where socat is missing, and everything opened by the test closed afterwards, socat last.
 */
abstract class PtyTest {

  static final Duration POLL = Duration.ofMillis(50);
  static final Duration TIMEOUT = Duration.ofMillis(200);

  @TempDir Path directory;
  SocatPty pty;
  final RecordingListener listener = new RecordingListener();
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  @BeforeEach
  final void plugIn() throws IOException {
    assertTrue(SocatPty.installed(), SocatPty.MISSING);
    pty = SocatPty.start(directory);
  }

  @AfterEach
  final void tearDown() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
    if (pty != null) {
      pty.close();
    }
  }

  /** Closes {@code resource} after the test, before the ones opened earlier. */
  final <T extends AutoCloseable> T closeAfter(T resource) {
    opened.push(resource);
    return resource;
  }

  /** The adapter's end of the pair, polled every 50 ms with 200 ms to answer. */
  final SerialDeviceConfig config(int baudRate) {
    return SerialDeviceConfig.of(pty.adapterEnd().toString(), baudRate)
        .withPollInterval(POLL)
        .withResponseTimeout(TIMEOUT);
  }

  /**
   * Makes {@code device} send {@code noise} again and again, a couple of milliseconds apart, until the returned
   * handle is closed.
   */
  static AutoCloseable babble(FakeSerialDevice device, byte[] noise) {
    AtomicBoolean on = new AtomicBoolean(true);
    Thread sender = Thread.ofPlatform().daemon().name("babble").start(() -> {
      while (on.get()) {
        device.send(noise);
        LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
      }
    });
    return () -> {
      on.set(false);
      sender.join();
    };
  }

  /** Kills socat, waits for {@code source} to be reported, and plugs the line in again (device end reopened). */
  final void unplugUntilFault(FakeSerialDevice device, String source) throws Exception {
    pty.unplug();
    Await.until(() -> listener.hasFault(source), "a fault from " + source + " after the unplug");
    pty.plugIn();
    device.reopen();
  }
}
