package dev.kilowatt.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.SecurityEventNotificationRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A SecurityEventNotification reaches the central system once, also across the reconnection a key change causes. */
class SecurityEventDeliveryTest {

  private static final String NEW_KEY = "4f43415f4f4354545f61646d696e5f74657374";

  @Test
  void theEventOfAKeyChangeIsAnsweredBeforeTheLinkReconnectsAndNotSentAgain() {
    Harness h = new Harness().online();
    h.cs.holdAnswers();
    h.cs.dropConnectionOnReconfigure();
    h.cs.forgetTrace();
    h.call(new ChangeConfigurationRequest("AuthorizationKey", NEW_KEY));
    assertEquals(List.of("reply cs-1"), h.cs.trace(), "the event raised by the change is in flight: no reconnection yet");

    h.replyFriendly();
    assertTrue(h.cs.trace().contains("reconfigure"), "answered: the new key is used");
    reconnect(h);
    assertEquals(NEW_KEY, h.cs.settings().authorizationKey().orElseThrow());
    assertEquals(1, events(h, "ReconfigurationOfSecurityParameters"), "the answered notification is not sent again after the reconnection");
  }

  @Test
  void anEventInFlightWhenTheKeyChangesIsNotSentAgainAfterTheReconnection() {
    Harness h = new Harness().online();
    h.cs.holdAnswers();
    h.cs.dropConnectionOnReconfigure();
    h.cs.listener().onSecurityEvent("InvalidTLSVersion", "TLS 1.1 offered");
    h.run();
    assertEquals("InvalidTLSVersion", h.cs.peek(SecurityEventNotificationRequest.class).type());
    h.call(new ChangeConfigurationRequest("AuthorizationKey", NEW_KEY));

    h.replyFriendly();
    reconnect(h);
    assertEquals(1, events(h, "InvalidTLSVersion"));
    assertEquals(1, events(h, "ReconfigurationOfSecurityParameters"));
  }

  private static void reconnect(Harness h) {
    h.cs.goOnline();
    h.run();
    h.replyFriendly();
  }

  private static long events(Harness h, String type) {
    return h.cs.sent(SecurityEventNotificationRequest.class).stream().filter(e -> e.type().equals(type)).count();
  }
}
