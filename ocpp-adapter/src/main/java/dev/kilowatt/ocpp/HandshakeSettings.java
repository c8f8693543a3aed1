package dev.kilowatt.ocpp;

import dev.kilowatt.core.port.ConnectionSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** What the connection settings make of a WebSocket handshake, the same for every link. */
final class HandshakeSettings {

  private HandshakeSettings() {}

  /**
   * The HTTP Basic credentials (RFC 7617): the charge point id as user, then the key's bytes as they are,
   * which need not be text (A00.FR.205). None with profile 3, where the client certificate authenticates.
   */
  static Optional<String> basicAuthorization(String chargePointId, ConnectionSettings settings) {
    if (settings.securityProfile() >= 3) {
      return Optional.empty();
    }
    return settings.basicAuthPassword().map(password -> {
      byte[] user = (chargePointId + ":").getBytes(StandardCharsets.UTF_8);
      byte[] credentials = Arrays.copyOf(user, user.length + password.length);
      System.arraycopy(password, 0, credentials, user.length, password.length);
      return "Basic " + Base64.getEncoder().encodeToString(credentials);
    });
  }

  /** The ping interval in the whole seconds WebSocket clients count in, rounded up; 0 turns pings off. */
  static int pingSeconds(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      return 0;
    }
    long seconds = interval.toSeconds() + (interval.toNanosPart() > 0 ? 1 : 0);
    return (int) Math.min(Integer.MAX_VALUE, seconds);
  }

  /**
   * Whether the link presents itself differently now. New trusted roots alone do not count: they apply
   * from the next handshake, and a working connection need not be dropped for them.
   */
  static boolean credentialsChanged(ConnectionSettings old, ConnectionSettings now) {
    return old.securityProfile() != now.securityProfile()
        || !old.authorizationKey().equals(now.authorizationKey())
        || now.securityProfile() >= 3 && !old.clientCertificate().equals(now.clientCertificate());
  }
}
