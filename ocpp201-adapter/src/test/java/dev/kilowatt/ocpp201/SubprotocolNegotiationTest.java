package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.ocpp201.Messages.HeartbeatRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The WebSocket handshake against ocpp-rpc's server offering one subprotocol or the other. */
class SubprotocolNegotiationTest {

  private static final List<Subprotocol> BOTH = List.of(Subprotocol.OCPP201, Subprotocol.OCPP16);

  @Test
  void aServerOfOnlyOcpp201IsSpokenTo() throws Exception {
    try (CentralSystemProcess csms = CentralSystemProcess.start("ocpp2.0.1"); EventLoop loop = new EventLoop()) {
      StationProbe station = new StationProbe(call -> { });
      try (Ocpp201Link link = Ocpp201Link.open(csms.endpoint("KW-A"), BOTH, StationProbe.PROFILE_0, loop, station)) {
        assertEquals(Subprotocol.OCPP201, station.next());
        assertEquals("connected KW-A ocpp2.0.1", csms.awaitPrefix("connected "));
        assertEquals(Optional.of(Subprotocol.OCPP201), link.subprotocol());
        link.call(new HeartbeatRequest()).get(60, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aServerOfOnlyOcpp16IsReportedAndLeftToThe16Adapter() throws Exception {
    try (CentralSystemProcess csms = CentralSystemProcess.start("ocpp1.6"); EventLoop loop = new EventLoop()) {
      StationProbe station = new StationProbe(call -> { });
      try (Ocpp201Link link = Ocpp201Link.open(csms.endpoint("KW-B"), BOTH, StationProbe.PROFILE_0, loop, station)) {
        assertEquals(Subprotocol.OCPP16, station.next());
        assertEquals("connected KW-B ocpp1.6", csms.awaitPrefix("connected "));
        StationProbe.Disconnected gone = assertInstanceOf(StationProbe.Disconnected.class, station.next());
        assertTrue(gone.reason().contains("ocpp1.6 is served by another adapter"), gone.reason());

        ExecutionException refused = assertThrows(ExecutionException.class,
            () -> link.call(new HeartbeatRequest()).get(60, TimeUnit.SECONDS));
        assertTrue(refused.getCause().getMessage().contains("not connected over ocpp2.0.1"));
      }
    }
  }

  /**
   * ocpp-rpc, finding no common subprotocol, still upgrades the connection, without naming one; the
   * station then refuses the handshake itself and never speaks on that connection.
   */
  @Test
  void aStationOfferingOnlyOcpp201LeavesAServerOfOnlyOcpp16() throws Exception {
    try (CentralSystemProcess csms = CentralSystemProcess.start("ocpp1.6"); EventLoop loop = new EventLoop()) {
      StationProbe station = new StationProbe(call -> { });
      try (Ocpp201Link link = Ocpp201Link.open(csms.endpoint("KW-C"), List.of(Subprotocol.OCPP201), StationProbe.PROFILE_0, loop, station)) {
        StationProbe.Disconnected gone = assertInstanceOf(StationProbe.Disconnected.class, station.next());
        assertFalse(gone.reason().isBlank());
        assertEquals(Optional.empty(), link.subprotocol());
        assertEquals("connected KW-C", csms.awaitPrefix("connected ").strip());
        csms.awaitPrefix("disconnected KW-C ");
        assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("frame ")), csms.reported()::toString);
      }
    }
  }
}
