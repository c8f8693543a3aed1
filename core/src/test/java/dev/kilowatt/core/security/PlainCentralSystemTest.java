package dev.kilowatt.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.SecurityEventNotificationRequest;
import dev.kilowatt.core.port.CallError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A central system of plain OCPP 1.6, without the security extension, must not hold the charge point back. */
class PlainCentralSystemTest {

  @Test
  void aSecurityEventTheCentralSystemDoesNotImplementIsDroppedAtOnce() {
    Harness h = new Harness().start();
    h.cs.holdAnswers();
    h.cs.goOnline();
    h.run();
    while (!(h.cs.pending().getFirst().request() instanceof SecurityEventNotificationRequest)) {
      h.cs.answerFriendly();
      h.run();
    }
    h.cs.answerError(CallError.Code.NOT_IMPLEMENTED);
    h.run();

    h.card("04A1B2");
    h.run();
    assertEquals("04A1B2", h.cs.peek(AuthorizeRequest.class).idTag(), "the card is authorized at once, no retry wait first");
    assertEquals(List.of(), h.cs.pending().stream().filter(p -> p.request() instanceof SecurityEventNotificationRequest).toList());
  }
}
