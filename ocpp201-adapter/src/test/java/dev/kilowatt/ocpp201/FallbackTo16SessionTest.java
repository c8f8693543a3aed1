package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.TestLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A station that speaks 1.6 too ({@link Ocpp201CentralSystem#whenCsmsChooses16}) offers both subprotocols and
 * speaks 2.0.1 where the CSMS chooses it, and hands on where it chooses ocpp1.6; on virtual time, against ocpp-rpc.
 */
class FallbackTo16SessionTest {

  private final TestLoop loop = new TestLoop(Instant.parse("2026-12-06T21:00:00Z"));
  private final AtomicInteger handedOn = new AtomicInteger();
  private final CoreProbe core = new CoreProbe();

  private Ocpp201CentralSystem station(CentralSystemProcess csms, String identity) {
    Ocpp201CentralSystem port = new Ocpp201CentralSystem(csms.address(identity), loop, new InMemoryStorage());
    port.whenCsmsChooses16(handedOn::incrementAndGet);
    port.connect(PortSession.SETTINGS, core);
    return port;
  }

  @Test
  void aCsmsOfOnly16IsHandedOnAndTheCoreHearsNothingOfThatConnection() throws Exception {
    try (CentralSystemProcess csms = CentralSystemProcess.start("ocpp1.6")) {
      Ocpp201CentralSystem port = station(csms, "KW-F1");
      loop.awaitUntil("the hand-over to the 1.6 adapter", Duration.ZERO, () -> handedOn.get() > 0);
      assertEquals("connected KW-F1 ocpp1.6", csms.awaitPrefix("connected "));
      csms.awaitPrefix("disconnected KW-F1 ");

      loop.advance(Duration.ofMinutes(2)); // the 1, 2, 4 ... s retries of a lost connection would fall in here
      assertEquals(1, handedOn.get());
      assertTrue(core.quiet(), "the core hears of no connection but the 1.6 adapter's");
      assertEquals(1, csms.reported().stream().filter(l -> l.startsWith("upgrade KW-F1")).count());
      port.disconnect();
    }
  }

  @Test
  void aCsmsOfBothIsSpokenTo201() throws Exception {
    try (CentralSystemProcess csms = CentralSystemProcess.start("ocpp2.0.1", "ocpp1.6")) {
      Ocpp201CentralSystem port = station(csms, "KW-F2");
      loop.awaitUntil("the connection", Duration.ZERO, () -> !core.quiet());
      core.next(CoreProbe.Connected.class);
      assertEquals("connected KW-F2 ocpp2.0.1", csms.awaitPrefix("connected "));
      assertEquals(0, handedOn.get());
      port.disconnect();
    }
  }
}
