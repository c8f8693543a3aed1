package dev.kilowatt.ocpp;

import static dev.kilowatt.ocpp.Samples.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.BootNotificationResponse;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.RegistrationStatus;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetResponse;
import dev.kilowatt.core.message.ResetStatus;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CallError.Code;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.test.RecordingLinkListener.Call;
import dev.kilowatt.test.RecordingLinkListener.Connected;
import dev.kilowatt.test.RecordingLinkListener.Failed;
import dev.kilowatt.test.RecordingLinkListener.Result;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every OCPP-J link of this package does on the wire, whichever WebSocket client carries it: the
 * handshake, calls both ways, and the CALLERROR answers of OCPP-J 1.6 section 4.2.3.
 */
abstract class LinkContractTest extends LinkTestBase {

  static final ConnectionSettings OPEN = new ConnectionSettings(Optional.empty(), Duration.ZERO, 0);
  static final ConnectionSettings KEYED = new ConnectionSettings(Optional.of("s3cret:key"), Duration.ZERO, 1);

  /** The link under test, once {@link #connected} made it. */
  CentralSystem under;

  /** A new link to {@code baseUrl/id}, with the back-off and handshake time-out of {@link LinkTestBase}; not connected. */
  abstract CentralSystem newLink(String baseUrl, String id);

  /** The counters of the link last made. */
  abstract Map<String, Long> counters();

  /** The close codes the server may see when the link leaves it for not agreeing to ocpp1.6. */
  abstract Set<Integer> closesOnRefusedSubprotocol();

  /** A link connected to a fresh central system. */
  void connected(ConnectionSettings settings) throws InterruptedException {
    start(TestCentralSystem.ocpp16());
    under = newLink(server.url("ws", "/ocpp"), "CP-1");
    under.connect(settings, listener);
    server.nextHandshake();
    server.awaitOpen();
    listener.next(Connected.class);
  }

  @Test
  void connectsToTheChargePointsPathWithTheSubprotocolAndBasicAuthentication() throws Exception {
    start(TestCentralSystem.ocpp16());
    newLink(server.url("ws", "/ocpp/"), "CP 1/ä").connect(KEYED, listener);

    TestCentralSystem.Handshake handshake = server.nextHandshake();
    assertEquals("/ocpp/CP%201%2F%C3%A4", handshake.path());
    assertEquals("ocpp1.6", handshake.subprotocols());
    assertEquals("Basic " + Base64.getEncoder().encodeToString("CP 1/ä:s3cret:key".getBytes(StandardCharsets.UTF_8)),
        handshake.authorization());
    listener.next(Connected.class);
  }

  @Test
  void leavesAServerThatDoesNotAgreeToOcpp16AndTriesAgainLater() throws Exception {
    start(TestCentralSystem.withoutSubprotocol());
    newLink(server.url("ws", ""), "CP-1").connect(OPEN, listener);

    int code = server.nextClose().code();
    assertTrue(closesOnRefusedSubprotocol().contains(code), "closed with " + code);
    assertEquals(Duration.ofSeconds(1), scheduler.nextRetry(HANDSHAKE));
    assertEquals(1L, counters().get("failedConnects"));
    assertTrue(listener.quiet(), "the domain never saw a connection: " + listener.untaken());
  }

  @Test
  void callsAndAnswersFlowBothWays() throws Exception {
    connected(OPEN);
    BootNotificationRequest boot = new BootNotificationRequest("Kilowatt", "KW-22", Optional.of("SN-1"),
        Optional.empty(), Optional.of("1.0"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    under.send("c-1", boot);
    assertEquals(json("[2,'c-1','BootNotification',{'chargePointVendor':'Kilowatt','chargePointModel':'KW-22',"
        + "'chargePointSerialNumber':'SN-1','firmwareVersion':'1.0'}]"), server.nextReceived());
    server.send(json("[3,'c-1',{'status':'Accepted','currentTime':'2024-01-01T12:00:00.000Z','interval':300}]"));
    assertEquals(new Result("c-1", new BootNotificationResponse(RegistrationStatus.ACCEPTED, Samples.T0, 300)),
        listener.next(Result.class));

    server.send(json("[2,'cs-1','Reset',{'type':'Soft'}]"));
    assertEquals(new Call("cs-1", new ResetRequest(ResetType.SOFT)), listener.next(Call.class));
    under.reply("cs-1", new ResetResponse(ResetStatus.ACCEPTED));
    assertEquals(json("[3,'cs-1',{'status':'Accepted'}]"), server.nextReceived());

    server.send(json("[2,'cs-2','Reset',{'type':'Hard'}]"));
    listener.next(Call.class);
    under.replyError("cs-2", new CallError(Code.INTERNAL_ERROR, "busy"));
    assertEquals(json("[4,'cs-2','InternalError','busy',{}]"), server.nextReceived());

    server.send(json("[4,'nobody','GenericError','',{}]"));
    under.send("c-2", new HeartbeatRequest());
    server.nextReceived();
    server.send(json("[4,'c-2','InternalError','database down',{}]"));
    assertEquals(new Failed("c-2", new CallError(Code.INTERNAL_ERROR, "database down")), listener.next(Failed.class));
    assertEquals(1L, counters().get("unknownResponses"));
  }

  @Test
  void answersEveryBrokenCallWithItsCallErrorAndStaysConnected() throws Exception {
    connected(OPEN);
    BrokenFrames.play(server);

    server.send(json("[2,'ok','Reset',{'type':'Soft'}]"));
    assertEquals(new Call("ok", new ResetRequest(ResetType.SOFT)), listener.next(Call.class));
    under.reply("ok", new ResetResponse(ResetStatus.ACCEPTED));
    assertEquals(json("[3,'ok',{'status':'Accepted'}]"), server.nextReceived());
    assertTrue(server.closes.isEmpty());
    assertTrue(listener.quiet(), "broken calls never reach the domain: " + listener.untaken());
    BrokenFrames.assertCounted(counters());
  }

  @Test
  void anInvalidAnswerToOurCallFailsIt() throws Exception {
    connected(OPEN);
    under.send("c-1", new HeartbeatRequest());
    server.nextReceived();
    server.send(json("[3,'c-1',{'currentTime':'yesterday'}]"));

    Failed failed = listener.next(Failed.class);
    assertEquals("c-1", failed.callId());
    assertEquals(Code.PROPERTY_CONSTRAINT_VIOLATION, failed.error().code());
    assertEquals(1L, counters().get("invalidCallResults"));
  }
}
