package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.ocpp.CentralSystemAddress;
import dev.kilowatt.ocpp.ConnectionSecurity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a connection attempt presents, without a network: the identity in the URL and as Basic user, the time-out. */
class HandshakeTest {

  private static final ConnectionSettings PROFILE_1 = new ConnectionSettings(Optional.of("6b77"), Duration.ZERO, 1);

  @Test
  void theIdentityIsPercentEncodedInTheUrlAndSentAsItIsAsTheBasicAuthenticationUser() {
    CentralSystemAddress address = new CentralSystemAddress(URI.create("ws://csms.example:8080/ocpp/"), "KW 1#a/b%");

    Handshake handshake = Handshake.of(address, PROFILE_1, new ConnectionSecurity(), Duration.ofSeconds(5)).orElseThrow();

    assertEquals("/ocpp/KW%201%23a%2Fb%25", address.endpoint().getRawPath());
    String credentials = new String(Base64.getDecoder().decode(handshake.authorization().orElseThrow().substring(6)),
        StandardCharsets.UTF_8);
    assertEquals("KW 1#a/b%:kw", credentials);
    assertEquals(Duration.ofSeconds(5), handshake.messageTimeout());
  }

  @Test
  void theMessageTimeoutIs30SecondsUnlessGivenAndAlwaysPositive() {
    assertEquals(Duration.ofSeconds(30), new Handshake(Optional.empty(), Optional.empty(), 0).messageTimeout());
    assertThrows(IllegalArgumentException.class, () -> new Handshake(Optional.empty(), Optional.empty(), 0, Duration.ZERO));
  }
}
