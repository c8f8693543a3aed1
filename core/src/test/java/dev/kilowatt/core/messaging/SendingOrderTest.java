package dev.kilowatt.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.HeartbeatResponse;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.port.CallError;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which message goes first when a transaction message has to wait (OCPP 1.6 section 3.7). */
class SendingOrderTest {

  /** TransactionMessageRetryInterval: long enough for a heartbeat to fall due within the first back-off. */
  private static final int RETRY_SECONDS = 1_000;

  @Test
  void authorizeStatusAndHeartbeatGoAheadOfATransactionMessageInItsBackOff() {
    Harness h = new Harness().configure("TransactionMessageRetryInterval", Integer.toString(RETRY_SECONDS)).online();
    h.startCharging();
    h.cs.holdAnswers();
    h.stopCharging();
    h.cs.peek(StopTransactionRequest.class);
    h.cs.answerError(CallError.Code.INTERNAL_ERROR);
    h.run();

    assertEquals(1, h.cs.peek(StatusNotificationRequest.class).connectorId(), "the status goes while the StopTransaction waits");
    h.replyFriendly();
    h.card("OTHER");
    assertEquals("OTHER", h.cs.peek(AuthorizeRequest.class).idTag(), "the driver is not kept waiting by the back-off");
    h.cs.answer(new AuthorizeResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.empty())));
    h.replyFriendly();
    h.advance(Duration.ofSeconds(120)); // the pending start times out (ConnectionTimeOut 60 s)
    h.replyFriendly();

    h.advance(Duration.ofSeconds(300));
    h.cs.peek(HeartbeatRequest.class);
    h.cs.answer(new HeartbeatResponse(h.time.now()));
    h.run();
    assertEquals(1, h.cs.sent(StopTransactionRequest.class).size(), "the StopTransaction still waits for its retry");

    h.advance(Duration.ofSeconds(RETRY_SECONDS - 420));
    h.awaitCall(StopTransactionRequest.class);
    assertEquals(2, h.cs.sent(StopTransactionRequest.class).size());
  }

  @Test
  void withoutABackOffAStatusStillFollowsTheStopTransactionBeforeIt() {
    Harness h = new Harness().online();
    h.startCharging();
    h.cs.holdAnswers();
    h.stopCharging();
    h.cs.peek(StopTransactionRequest.class);
    h.run();
    assertEquals(1, h.cs.pending().size(), "nothing overtakes a transaction message that is in flight");
  }
}
