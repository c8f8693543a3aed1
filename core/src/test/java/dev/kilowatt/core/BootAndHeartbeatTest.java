package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.BootNotificationResponse;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.RegistrationStatus;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootAndHeartbeatTest {

  @Test
  void bootNotificationIsTheFirstCallAndCarriesTheIdentity() {
    Harness h = new Harness().start();
    h.cs.holdAnswers();
    h.cs.goOnline();
    h.run();

    BootNotificationRequest boot = h.cs.peek(BootNotificationRequest.class);
    assertEquals("Kilowatt", boot.chargePointVendor());
    assertEquals("TestBox", boot.chargePointModel());
    assertEquals("SN-1", boot.chargePointSerialNumber().orElseThrow());
    assertEquals("1.0.0", boot.firmwareVersion().orElseThrow());
    assertEquals(1, h.cs.calls().size());
  }

  @Test
  void nothingButBootNotificationGoesOutBeforeAcceptance() {
    Harness h = new Harness().start();
    h.cs.holdAnswers();
    h.cs.goOnline();
    h.run();
    h.cs.answer(new BootNotificationResponse(RegistrationStatus.PENDING, Instant.parse("2030-01-01T00:00:00Z"), 20));
    h.ev(PilotState.B);
    h.card("CARD");
    h.advance(Duration.ofSeconds(19));
    assertEquals(1, h.cs.calls().size(), "only the first BootNotification: " + h.cs.calls());

    h.advance(Duration.ofSeconds(1));
    h.cs.peek(BootNotificationRequest.class);
    h.cs.answer(new BootNotificationResponse(RegistrationStatus.ACCEPTED, Instant.parse("2030-01-01T00:00:20Z"), 60));
    h.run();
    List<Integer> reported = h.cs.pending().stream().map(s -> ((StatusNotificationRequest) s.request()).connectorId()).toList();
    assertEquals(List.of(0), reported.subList(0, 1), "status of connector 0 first");
  }

  @Test
  void rejectedBootIsRetriedAfterTheInterval() {
    Harness h = new Harness().start();
    h.cs.holdAnswers();
    h.cs.goOnline();
    h.run();
    h.cs.answer(new BootNotificationResponse(RegistrationStatus.REJECTED, h.time.now(), 30));
    h.run();
    h.advance(Duration.ofSeconds(29));
    assertEquals(1, h.cs.sent(BootNotificationRequest.class).size());
    h.advance(Duration.ofSeconds(1));
    assertEquals(2, h.cs.sent(BootNotificationRequest.class).size());
  }

  @Test
  void callsFromTheCentralSystemAreNotAnsweredWhileRejected() {
    Harness h = new Harness().start();
    h.cs.holdAnswers();
    h.cs.goOnline();
    h.run();
    h.cs.answer(new BootNotificationResponse(RegistrationStatus.REJECTED, h.time.now(), 30));
    h.run();
    String unanswered = h.cs.call(new dev.kilowatt.core.message.GetConfigurationRequest(java.util.List.of()));
    h.run();
    assertEquals(java.util.Optional.empty(), h.cs.replyTo(unanswered));
    h.advance(Duration.ofSeconds(30));
    h.cs.answer(new BootNotificationResponse(RegistrationStatus.PENDING, h.time.now(), 30));
    h.run();
    assertTrue(h.call(new dev.kilowatt.core.message.GetConfigurationRequest(java.util.List.of()))
        instanceof dev.kilowatt.core.message.GetConfigurationResponse, "Pending: the central system may configure us");
    assertEquals(dev.kilowatt.core.message.RemoteStartStopStatus.REJECTED,
        ((dev.kilowatt.core.message.RemoteStartTransactionResponse) h.call(new dev.kilowatt.core.message.RemoteStartTransactionRequest(
            java.util.Optional.of(1), "X", java.util.Optional.empty()))).status(), "but not start a transaction");
  }

  @Test
  void acceptedBootReportsEveryConnectorSetsTheClockAndTheHeartbeatInterval() {
    Harness h = new Harness(2).start();
    h.cs.holdAnswers();
    h.cs.goOnline();
    h.run();
    Instant centralTime = Instant.parse("2031-03-04T05:06:07Z");
    h.cs.answer(new BootNotificationResponse(RegistrationStatus.ACCEPTED, centralTime, 120));
    h.run();
    h.cs.answerAutomatically();
    while (!h.cs.pending().isEmpty()) {
      h.cs.answerFriendly();
      h.run();
    }
    List<StatusNotificationRequest> statuses = h.cs.sent(StatusNotificationRequest.class);
    assertEquals(List.of(0, 1, 2), statuses.stream().map(StatusNotificationRequest::connectorId).toList());
    assertEquals(centralTime, statuses.get(0).timestamp().orElseThrow(), "timestamps follow the central system's clock");

    h.advance(Duration.ofSeconds(119));
    assertEquals(0, h.cs.sent(HeartbeatRequest.class).size());
    h.advance(Duration.ofSeconds(1));
    assertEquals(1, h.cs.sent(HeartbeatRequest.class).size());
    assertEquals("120", runAndGet(h));
  }

  private static String runAndGet(Harness h) {
    var config = h.cp.configuration();
    h.run();
    return config.join().get("HeartbeatInterval");
  }

  @Test
  void heartbeatIntervalFromTheCentralSystemIsClampedToTheSupportedRange() {
    Harness h = acceptedWithInterval(new Harness().customize(b -> b.limits(ChargePointLimits.REFERENCE)), 86_400);
    assertEquals("1000", runAndGet(h), "reference device: at most 1000 s");
  }

  @Test
  void byDefaultAnHourlyHeartbeatFromTheBootNotificationIsKept() {
    Harness h = acceptedWithInterval(new Harness(), 3600);
    assertEquals("3600", runAndGet(h), "the default limits go up to a day");
    h.replyFriendly();
    int before = h.cs.sent(HeartbeatRequest.class).size();
    h.advance(Duration.ofSeconds(3599));
    assertEquals(before, h.cs.sent(HeartbeatRequest.class).size());
    h.advance(Duration.ofSeconds(1));
    assertEquals(before + 1, h.cs.sent(HeartbeatRequest.class).size());
  }

  /** Starts {@code h}, and the central system accepts its BootNotification with {@code interval}; manual mode stays on. */
  private static Harness acceptedWithInterval(Harness h, int interval) {
    h.start();
    h.cs.holdAnswers();
    h.cs.goOnline();
    h.run();
    h.cs.answer(new BootNotificationResponse(RegistrationStatus.ACCEPTED, h.time.now(), interval));
    h.run();
    return h;
  }

  @Test
  void otherTrafficPostponesTheHeartbeat() {
    Harness h = new Harness().online();
    h.advance(Duration.ofSeconds(200));
    h.ev(PilotState.B);
    h.advance(Duration.ofSeconds(200));
    assertEquals(0, h.cs.sent(HeartbeatRequest.class).size(), "a StatusNotification 200 s ago proves liveness");
    h.advance(Duration.ofSeconds(100));
    assertEquals(1, h.cs.sent(HeartbeatRequest.class).size());
  }

  @Test
  void heartbeatAnswerSetsTheClock() {
    Harness h = new Harness().online();
    h.cs.answerWithTime(() -> Instant.parse("2040-01-01T00:00:00Z"));
    h.advance(Duration.ofSeconds(300));
    assertEquals(1, h.cs.sent(HeartbeatRequest.class).size());
    h.ev(PilotState.B);
    StatusNotificationRequest last = h.cs.sent(StatusNotificationRequest.class).getLast();
    assertTrue(last.timestamp().orElseThrow().isAfter(Instant.parse("2039-12-31T23:59:59Z")), last.toString());
  }

  @Test
  void noBootNotificationAgainAfterAReconnection() {
    Harness h = new Harness().online();
    h.cs.goOffline();
    h.run();
    h.cs.goOnline();
    h.run();
    assertEquals(1, h.cs.sent(BootNotificationRequest.class).size());
    h.advance(Duration.ofSeconds(300));
    assertEquals(1, h.cs.sent(HeartbeatRequest.class).size(), "heartbeat resumes without a new boot");
  }
}
