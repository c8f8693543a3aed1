package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.ocpp.TrafficListener;
import dev.kilowatt.test.InMemoryStorage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A session of the core's port over OCPP 2.0.1 with ocpp-rpc's server in strict mode, the core stood in
 * for by a {@link CoreProbe}.
 */
abstract class PortSession {

  static final ConnectionSettings SETTINGS = new ConnectionSettings(Optional.empty(), Duration.ZERO, 0);

  CentralSystemProcess csms;
  EventLoop loop;
  InMemoryStorage storage;
  CoreProbe core;
  Ocpp201CentralSystem port;

  @BeforeEach
  void connect() {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    loop = new EventLoop();
    storage = new InMemoryStorage();
    start();
  }

  private void start() {
    core = new CoreProbe();
    // written at once, on the thread that saves: what the tests read of the storage is there when they look
    port = new Ocpp201CentralSystem(csms.address("KW-0001"), Handshake.MESSAGE_TIMEOUT, loop, storage, TrafficListener.NONE, Runnable::run);
    port.connect(SETTINGS, core);
    core.next(CoreProbe.Connected.class);
    csms.awaitPrefix("connected KW-0001 ocpp2.0.1");
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    port.disconnect();
    csms.close();
    loop.close();
  }

  /**
   * The keys under {@code prefix}, once they are {@code expected} or 5 s have passed: a change the adapter's
   * write-behind holds goes to the storage once the loop has taken the outcome of the one before it.
   */
  List<String> keysOnceWritten(String prefix, List<String> expected) throws InterruptedException {
    long giveUp = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!storage.keys(prefix).equals(expected) && System.nanoTime() < giveUp) {
      Thread.sleep(5);
    }
    return storage.keys(prefix);
  }

  void noStrictFailures() {
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("strictFailure")), csms.reported()::toString);
  }

  /** The station restarts: a new port on the same storage, as after a power cut. */
  void restart() {
    port.disconnect();
    csms.awaitPrefix("disconnected KW-0001");
    start();
  }
}
