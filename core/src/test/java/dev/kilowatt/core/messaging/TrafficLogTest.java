package dev.kilowatt.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.HeartbeatResponse;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetResponse;
import dev.kilowatt.core.message.ResetStatus;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.test.ScriptedCentralSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the traffic log writes for each frame in either direction, and that the wrapped link still carries everything. */
class TrafficLogTest {

  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
  private static final ConnectionSettings SETTINGS = new ConnectionSettings(Optional.empty(), Duration.ZERO, 0);

  private Instant now = T0;
  private final TrafficLog log = new TrafficLog(() -> now, Set.of("AuthorizationKey"));
  private final ScriptedCentralSystem cs = new ScriptedCentralSystem(() -> T0);
  private final Heard heard = new Heard();
  private final CentralSystem link = log.wrap(cs);

  TrafficLogTest() {
    cs.holdAnswers();
    link.connect(SETTINGS, heard);
  }

  private List<String> lines() {
    return log.between(Optional.empty(), Optional.empty());
  }

  @Test
  void everyFrameIsWrittenWithItsDirectionAndHandedOn() {
    cs.goOnline();
    link.send("cp-1", new HeartbeatRequest());
    cs.answer(new HeartbeatResponse(T0));
    link.send("cp-2", new HeartbeatRequest());
    cs.answerError(CallError.Code.INTERNAL_ERROR);
    String reset = cs.call(new ResetRequest(ResetType.SOFT));
    link.reply(reset, new ResetResponse(ResetStatus.ACCEPTED));
    link.replyError("cs-9", new CallError(CallError.Code.NOT_IMPLEMENTED, "no"));
    cs.goOffline();

    assertEquals(List.of(
        T0 + " connected",
        T0 + " -> CALL cp-1 Heartbeat " + new HeartbeatRequest(),
        T0 + " <- CALLRESULT cp-1 " + new HeartbeatResponse(T0),
        T0 + " -> CALL cp-2 Heartbeat " + new HeartbeatRequest(),
        T0 + " <- CALLERROR cp-2 " + new CallError(CallError.Code.INTERNAL_ERROR, "test"),
        T0 + " <- CALL cs-1 Reset " + new ResetRequest(ResetType.SOFT),
        T0 + " -> CALLRESULT cs-1 " + new ResetResponse(ResetStatus.ACCEPTED),
        T0 + " -> CALLERROR cs-9 " + new CallError(CallError.Code.NOT_IMPLEMENTED, "no"),
        T0 + " disconnected: test"), lines());
    assertEquals(List.of("connected", "result cp-1", "error cp-2", "call cs-1 Reset", "disconnected test"), heard.events);
    assertEquals(List.of(new HeartbeatRequest(), new HeartbeatRequest()), cs.calls());
    assertEquals(List.of(new ResetResponse(ResetStatus.ACCEPTED), new CallError(CallError.Code.NOT_IMPLEMENTED, "no")),
        List.of(cs.replyTo("cs-1").orElseThrow(), cs.replyTo("cs-9").orElseThrow()));
  }

  @Test
  void aSecurityEventTheLinkSawIsWrittenAndReachesTheDomain() {
    cs.listener().onSecurityEvent("InvalidCentralSystemCertificate", "expired");
    cs.listener().onSecurityEvent("InvalidTLSVersion", "");

    assertEquals(List.of(T0 + " security event InvalidCentralSystemCertificate: expired", T0 + " security event InvalidTLSVersion"),
        lines());
    assertEquals(List.of("security InvalidCentralSystemCertificate", "security InvalidTLSVersion"), heard.events);
  }

  @Test
  void settingsAndTheEndOfTheLinkPassThroughUnwritten() {
    ConnectionSettings changed = new ConnectionSettings(Optional.of("0123456789abcdef0123456789abcdef"), Duration.ofSeconds(30), 1);
    assertEquals(SETTINGS, cs.settings());
    link.reconfigure(changed);
    link.disconnect();

    assertEquals(changed, cs.settings());
    assertTrue(cs.disconnectedForGood());
    assertEquals(List.of(), lines());
  }

  @Test
  void passwordsAndWriteOnlyValuesAreMasked() {
    cs.call(new ChangeConfigurationRequest("AuthorizationKey", "0123456789abcdef"));
    cs.call(new ChangeConfigurationRequest("HeartbeatInterval", "60"));
    link.replyError("cs-3", new CallError(CallError.Code.INTERNAL_ERROR, "ftp://user:secret@host/x"));

    assertEquals(List.of(
        T0 + " <- CALL cs-1 ChangeConfiguration " + new ChangeConfigurationRequest("AuthorizationKey", "***"),
        T0 + " <- CALL cs-2 ChangeConfiguration " + new ChangeConfigurationRequest("HeartbeatInterval", "60"),
        T0 + " -> CALLERROR cs-3 " + new CallError(CallError.Code.INTERNAL_ERROR, "ftp://user:***@host/x")), lines());
  }

  @Test
  void aSecretValueInAGetConfigurationAnswerIsMasked() {
    KeyValue interval = new KeyValue("HeartbeatInterval", false, Optional.of("300"));
    link.reply("cs-4", new GetConfigurationResponse(List.of(interval,
        new KeyValue("AuthorizationKey", false, Optional.of("0123456789abcdef"))), List.of("Unknown")));

    assertEquals(List.of(T0 + " -> CALLRESULT cs-4 " + new GetConfigurationResponse(List.of(interval,
        new KeyValue("AuthorizationKey", false, Optional.of("***"))), List.of("Unknown"))), lines());
  }

  @Test
  void longLinesAreCutAndOnlyTheNewestAreKept() {
    CallError big = new CallError(CallError.Code.INTERNAL_ERROR, "x".repeat(TrafficLog.MAX_LINE));
    link.replyError("long", big);
    assertEquals(List.of(T0 + " " + ("-> CALLERROR long " + big).substring(0, TrafficLog.MAX_LINE) + "..."), lines());

    for (int i = 1; i <= TrafficLog.CAPACITY; i++) {
      now = T0.plusSeconds(i);
      link.replyError("e" + i, new CallError(CallError.Code.INTERNAL_ERROR, "n"));
    }
    List<String> kept = lines();
    assertEquals(TrafficLog.CAPACITY, kept.size());
    assertEquals(T0.plusSeconds(1) + " -> CALLERROR e1 " + new CallError(CallError.Code.INTERNAL_ERROR, "n"), kept.get(0),
        "the oldest line went");
    assertEquals(List.of(kept.get(1)), log.between(Optional.of(T0.plusSeconds(2)), Optional.of(T0.plusSeconds(2))));
  }

  /** What reaches the domain's side of the link. */
  private static final class Heard implements CentralSystem.Listener {
    final List<String> events = new ArrayList<>();

    @Override
    public void onConnected() {
      events.add("connected");
    }

    @Override
    public void onDisconnected(String reason) {
      events.add("disconnected " + reason);
    }

    @Override
    public void onCallResult(String callId, Response response) {
      events.add("result " + callId);
    }

    @Override
    public void onCallError(String callId, CallError error) {
      events.add("error " + callId);
    }

    @Override
    public void onCall(String callId, CentralSystemRequest<?> request) {
      events.add("call " + callId + " " + request.action().ocppName());
    }

    @Override
    public void onSecurityEvent(String type, String techInfo) {
      events.add("security " + type);
    }

    @Override
    public void onTransactionsAsked(java.util.function.Consumer<List<dev.kilowatt.core.port.UnsettledTransaction>> answer) {
      events.add("transactions asked");
    }

    @Override
    public void onChargingProfilesAsked(java.util.function.Consumer<List<dev.kilowatt.core.port.InstalledChargingProfile>> answer) {
      events.add("profiles asked");
    }
  }
}
