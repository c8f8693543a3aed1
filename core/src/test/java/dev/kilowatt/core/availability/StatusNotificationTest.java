package dev.kilowatt.core.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.StatusNotificationResponse;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** StatusNotification.req: delivered even when an answer is lost, and dated by the change it reports (section 4.9). */
class StatusNotificationTest {

  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

  @Test
  void aStatusUnansweredWhileOnlineGoesAgainWithTheTimeOfTheChange() {
    Harness h = new Harness().online();
    h.cs.holdAnswers();
    Instant plugged = h.time.now();
    h.ev(PilotState.B);
    assertEquals(ChargePointStatus.PREPARING, h.cs.peek(StatusNotificationRequest.class).status());
    h.cs.loseWaitingCalls(); // the answer is lost on the way
    h.advance(RESPONSE_TIMEOUT);

    StatusNotificationRequest again = h.cs.peek(StatusNotificationRequest.class);
    assertEquals(ChargePointStatus.PREPARING, again.status());
    assertEquals(Optional.of(plugged), again.timestamp(), "the time of the change, not of sending");
    h.cs.answer(new StatusNotificationResponse());
    h.run();
    h.advance(RESPONSE_TIMEOUT.multipliedBy(4));
    assertEquals(2, h.reportedStatuses(1).stream().filter("Preparing"::equals).count(), "answered: not sent a third time");
  }

  @Test
  void aTimedOutStatusThatWasOvertakenIsNotSentAgain() {
    Harness h = new Harness().online();
    h.cs.holdAnswers();
    h.ev(PilotState.B);
    h.cs.peek(StatusNotificationRequest.class);
    h.cs.loseWaitingCalls();
    h.ev(PilotState.A); // back to Available before the first was answered
    h.advance(RESPONSE_TIMEOUT);

    assertEquals(ChargePointStatus.AVAILABLE, h.cs.peek(StatusNotificationRequest.class).status(), "the latest status, not a backlog");
    h.cs.answer(new StatusNotificationResponse());
    h.advance(RESPONSE_TIMEOUT.multipliedBy(4));
    assertEquals(0, h.cs.pending().size());
    assertEquals(1, h.reportedStatuses(1).stream().filter("Preparing"::equals).count());
  }

  @Test
  void aStatusHeldForMinimumStatusDurationCarriesTheTimeItBegan() {
    Harness h = new Harness().configure("MinimumStatusDuration", "30").online();
    Instant plugged = h.time.now();
    h.ev(PilotState.B);
    h.advance(Duration.ofSeconds(30));

    StatusNotificationRequest preparing = h.cs.sent(StatusNotificationRequest.class).getLast();
    assertEquals(ChargePointStatus.PREPARING, preparing.status());
    assertEquals(Optional.of(plugged), preparing.timestamp());
  }

  @Test
  void aStatusThatChangedOfflineCarriesTheTimeOfTheChange() {
    Harness h = new Harness().online();
    h.cs.goOffline();
    h.advance(Duration.ofSeconds(10));
    Instant plugged = h.time.now();
    h.ev(PilotState.B);
    h.advance(Duration.ofMinutes(5));
    h.cs.goOnline();
    h.run();

    StatusNotificationRequest preparing = h.cs.sent(StatusNotificationRequest.class).getLast();
    assertEquals(ChargePointStatus.PREPARING, preparing.status());
    assertEquals(Optional.of(plugged), preparing.timestamp());
  }
}
