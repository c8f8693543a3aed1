package dev.kilowatt.ocpp;

import static dev.kilowatt.ocpp.Samples.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.test.RecordingLinkListener.Call;
import dev.kilowatt.test.RecordingLinkListener.Connected;
import dev.kilowatt.test.RecordingLinkListener.Disconnected;
import dev.kilowatt.test.RecordingLinkListener.SecurityEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The shared-client link against a real WebSocket server on loopback: the links' contract, and what is its own. */
class SharedClientOcppLinkTest extends LinkContractTest {

  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final HttpClient client = SharedWebSocketClient.create(executor, Optional.empty());
  private SharedClientOcppLink shared;

  private SharedClientOcppLink shared(String baseUrl, String id) {
    shared = new SharedClientOcppLink(client, CentralSystemAddress.of(baseUrl, id), scheduler,
        LinkOptions.defaults().withBackoff(EXACT).withHandshakeTimeout(HANDSHAKE));
    cleanup.add(shared::disconnect);
    cleanup.add(executor::shutdownNow);
    return shared;
  }

  @Override
  CentralSystem newLink(String baseUrl, String id) {
    return shared(baseUrl, id);
  }

  @Override
  Map<String, Long> counters() {
    return shared.counters();
  }

  /** The JDK may not send 1002. */
  @Override
  Set<Integer> closesOnRefusedSubprotocol() {
    return Set.of(1008);
  }

  @Test
  void aFrameInFragmentsArrivesWhole() throws Exception {
    connected(OPEN);
    String padding = "x".repeat(200_000);
    server.send(json("[2,'big','DataTransfer',{'vendorId':'v','data':'" + padding + "'}]"));
    assertEquals("big", listener.next(Call.class).callId());
  }

  @Test
  void reconnectsWithBackOffAfterTheCentralSystemDropsAndDisconnectEndsIt() throws Exception {
    connected(OPEN);

    server.drop();
    assertEquals("connection lost (1006)", listener.next(Disconnected.class).reason());
    assertEquals(new TestCentralSystem.Closed(1006, "dropped by the test", false), server.nextClose());
    assertEquals(Duration.ofSeconds(1), scheduler.nextRetry(HANDSHAKE));
    scheduler.time.advance(Duration.ofSeconds(1));
    server.nextHandshake();
    server.awaitOpen();
    listener.next(Connected.class);

    shared.disconnect();
    assertEquals("disconnected by the charge point", listener.next(Disconnected.class).reason());
    assertEquals(new TestCentralSystem.Closed(1000, "charge point going offline", true), server.nextClose());
    shared.send("c-1", new HeartbeatRequest());
    assertEquals(1L, shared.counters().get("droppedOffline"));
    assertEquals(1, scheduler.time.advance(Duration.ofMinutes(5)), "only the cut after the close grace, no attempt");
    assertTrue(server.closes.isEmpty(), "no other close, and no abnormal one: " + server.closes);
  }

  @Test
  void pingsAtTheConfiguredIntervalAndANewIntervalNeedsNoReconnection() throws Exception {
    connected(new ConnectionSettings(Optional.empty(), Duration.ofSeconds(2), 0));
    scheduler.time.advance(Duration.ofSeconds(2));
    server.nextPing();

    shared.reconfigure(new ConnectionSettings(Optional.empty(), Duration.ofSeconds(4), 0));
    assertTrue(listener.quiet(), "no reconnection for a new ping interval");
  }

  @Test
  void anHttp401ToTheUpgradeIsReported() throws Exception {
    try (ScriptedServer refusing = ScriptedServer.plain(connection -> {
      InputStream in = connection.getInputStream();
      in.read(new byte[4096]);
      OutputStream out = connection.getOutputStream();
      out.write(("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"ocpp\"\r\nContent-Length: 0\r\n"
          + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    })) {
      shared(refusing.url("ws"), "CP-1").connect(KEYED, listener);
      assertEquals("FailedToAuthenticateAtCentralSystem", listener.next(SecurityEvent.class).type());
      assertEquals(Duration.ofSeconds(1), scheduler.nextRetry(HANDSHAKE));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void securityProfile3IsRefusedRatherThanConnectedWithoutItsCertificate() throws Exception {
    start(TestCentralSystem.ocpp16());
    shared(server.url("wss", ""), "CP-1").connect(new ConnectionSettings(Optional.empty(), Duration.ZERO, 3), listener);
    assertEquals(0, scheduler.time.queued(), "no attempt, so no handshake deadline either");
    assertTrue(server.handshakes.isEmpty());
  }
}
