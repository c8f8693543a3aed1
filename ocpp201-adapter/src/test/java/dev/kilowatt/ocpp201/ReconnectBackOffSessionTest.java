package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.RecordingLinkListener.Disconnected;
import dev.kilowatt.test.TestLoop;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reconnection after a loss waits as the RetryBackOff variables the CSMS set say, on virtual time, against
 * ocpp-rpc in strict mode.
 */
class ReconnectBackOffSessionTest {

  private final TestLoop loop = new TestLoop(Instant.parse("2026-12-06T22:00:00Z"));
  private final CentralSystemProcess csms = CentralSystemProcess.start("ocpp2.0.1");
  private final CoreProbe core = new CoreProbe();
  private final Ocpp201CentralSystem port = new Ocpp201CentralSystem(csms.address("KW-B1"), loop, new InMemoryStorage());

  @AfterEach
  void stop() throws InterruptedException {
    port.disconnect();
    csms.close();
  }

  private long lines(String prefix) {
    return csms.reported().stream().filter(line -> line.startsWith(prefix)).count();
  }

  @Test
  void aWaitMinimumSetOverSetVariablesIsTheWaitBeforeTheFirstAttemptAfterALoss() {
    port.connect(PortSession.SETTINGS, core);
    loop.awaitUntil("the connection", Duration.ZERO, () -> lines("connected KW-B1") == 1);
    csms.send("call s1 SetVariables {\"setVariableData\":["
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"RetryBackOffWaitMinimum\"},"
        + "\"attributeValue\":\"20\"},"
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"RetryBackOffRepeatTimes\"},"
        + "\"attributeValue\":\"0\"}]}");
    loop.awaitUntil("the answer", Duration.ZERO, () -> lines("result s1 ") == 1);
    assertTrue(csms.reported().stream().anyMatch(l -> l.startsWith("result s1 ") && !l.contains("Rejected")),
        csms.reported()::toString);

    csms.send("drop");
    loop.awaitUntil("the loss", Duration.ZERO, () -> core.untaken().stream().anyMatch(Disconnected.class::isInstance));
    Instant lost = loop.now();
    loop.awaitUntil("the reconnection", Duration.ofSeconds(1), () -> lines("connected KW-B1") == 2);

    Duration waited = Duration.between(lost, loop.now());
    // the default would have come back after 1 s; virtual time moves on while the handshake takes real time
    assertTrue(waited.compareTo(Duration.ofSeconds(20)) >= 0 && waited.compareTo(Duration.ofSeconds(40)) < 0,
        waited::toString);
  }
}
