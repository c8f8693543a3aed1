package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.ocpp.TrafficListener;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.test.InMemoryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a console watching a 2.0.1 station sees, against ocpp-rpc: every frame either way as on the wire, in the
 * order of the wire, and never the password of HTTP Basic authentication a SetVariables sets.
 */
class TrafficSessionTest {

  private static final String NEW_KEY = "0123456789abcdef0123456789abcdef";
  private static final long PATIENCE_SECONDS = 30;

  private final List<String> frames = new ArrayList<>();
  private CentralSystemProcess csms;
  private EventLoop loop;
  private SimulatedConnector connector;
  private ChargePoint chargePoint;

  @AfterEach
  void shutDown() throws InterruptedException {
    chargePoint.stop();
    connector.close();
    csms.close();
    loop.close();
  }

  @Test
  void everyFrameIsReportedEitherWayWithTheNewBasicAuthPasswordMasked() throws Exception {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    loop = new EventLoop();
    InMemoryStorage storage = new InMemoryStorage();
    connector = new SimulatedConnector(loop, SimulatedConnector.Settings.defaults());
    TrafficListener traffic = (direction, text) -> {
      synchronized (frames) {
        frames.add(direction + " " + text);
        frames.notifyAll();
      }
    };
    chargePoint = ChargePoint.builder(loop, storage, new Ocpp201CentralSystem(csms.address("KW-TRACE"),
            Handshake.MESSAGE_TIMEOUT, loop, storage, traffic), kind -> { })
        .connector(ConnectorHardware.singlePhaseFixedCable(connector.relay(), connector.pilot(), connector.meter(), 16))
        .build();
    chargePoint.start();
    csms.received("BootNotification");

    csms.send("call v1 SetVariables {\"setVariableData\":[{\"component\":{\"name\":\"SecurityCtrlr\"},"
        + "\"variable\":{\"name\":\"BasicAuthPassword\"},\"attributeValue\":\"" + NEW_KEY + "\"},"
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"},\"attributeValue\":\"120\"}]}");
    csms.awaitPrefix("result v1 ");

    int boot = awaitFrame(0, f -> f.startsWith("SENT [2,") && f.contains("\"BootNotification\""));
    awaitFrame(boot + 1, f -> f.startsWith("RECEIVED [3,") && f.contains("\"Accepted\""));
    int set = awaitFrame(0, f -> f.startsWith("RECEIVED [2,") && f.contains("\"SetVariables\""));
    String setVariables = frame(set);
    assertTrue(setVariables.contains("\"attributeValue\":\"***\""), setVariables);
    assertTrue(setVariables.contains("\"attributeValue\":\"120\""), setVariables);
    awaitFrame(set + 1, f -> f.startsWith("SENT [3,") && f.contains("setVariableResult"));
    synchronized (frames) {
      assertTrue(frames.stream().noneMatch(f -> f.contains(NEW_KEY)), frames::toString);
    }
    assertEquals(List.of(), csms.reported().stream().filter(line -> line.startsWith("strictFailure")).toList());
  }

  private String frame(int index) {
    synchronized (frames) {
      return frames.get(index);
    }
  }

  /** The index of the first frame from {@code from} on that matches, waiting for it within a bound. */
  private int awaitFrame(int from, Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    synchronized (frames) {
      while (true) {
        for (int i = from; i < frames.size(); i++) {
          if (wanted.test(frames.get(i))) {
            return i;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no such frame; the traffic was " + frames);
        }
        TimeUnit.NANOSECONDS.timedWait(frames, left);
      }
    }
  }
}
