package dev.kilowatt.ocpp;

import dev.kilowatt.core.port.ConnectionSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * What the core's {@link ConnectionSettings} make of a WebSocket connection attempt under the security
 * profiles, the same for every link of both protocol adapters: OCPP 2.0.1 part 2 (A00) defines profiles
 * 1 to 3 as "Improved security for OCPP 1.6-J" does, requirement for requirement.
 *
 * <p>The static methods say what the upgrade request carries and when new settings need a new connection;
 * an instance makes the TLS contexts, built once per distinct set of trusted roots and client certificate
 * so that reconnecting does not parse keys each time. What a failed attempt reveals is a
 * {@link SecurityFinding}.
 */
public final class ConnectionSecurity {

  private final TlsSetup tls;

  /**
   * TLS contexts from the settings alone: the installed roots as the only trust anchors when there are
   * any, else the JVM's default trust; the client certificate with profile 3. Certificates or a key that
   * cannot be used are logged.
   */
  public ConnectionSecurity() {
    this.tls = new TlsSetup(Optional.empty(), () -> { });
  }

  /**
   * The TLS context of a {@code wss://} attempt under {@code settings}.
   *
   * @param settings the connection settings of the attempt
   * @return the context, or empty if the settings' certificates or key cannot be used: the link must then
   *     not connect rather than fall back to a weaker trust
   */
  public Optional<SSLContext> tlsContext(ConnectionSettings settings) {
    return tls.contextFor(settings);
  }

  /**
   * Narrows one TLS handshake to what the profiles allow: TLS 1.2 and 1.3 (A00.FR.312), AEAD cipher suites
   * (A00.FR.318, A00.FR.319), and a server certificate that names the URL's host (A00.FR.308).
   *
   * @param parameters the handshake's parameters, changed in place
   */
  public static void restrict(SSLParameters parameters) {
    TlsSetup.restrict(parameters);
  }

  /**
   * Whether the settings' profile (2 or 3) needs TLS, so that a {@code ws://} URL must not be used.
   *
   * @param settings the connection settings
   * @return whether only {@code wss://} will do
   */
  public static boolean needsTls(ConnectionSettings settings) {
    return settings.securityProfile() >= 2;
  }

  /**
   * The HTTP Basic credentials (RFC 7617): the identity as user, then the key's bytes as they are, which
   * need not be text (A00.FR.205). None with profile 3, where the client certificate authenticates.
   *
   * @param identity the charge point's (charging station's) identity, as the URL's last segment names it
   * @param settings the connection settings
   * @return the {@code Authorization} header's value, if one is to be sent
   */
  public static Optional<String> basicAuthorization(String identity, ConnectionSettings settings) {
    if (settings.securityProfile() >= 3) {
      return Optional.empty();
    }
    return settings.basicAuthPassword().map(password -> {
      byte[] user = (identity + ":").getBytes(StandardCharsets.UTF_8);
      byte[] credentials = Arrays.copyOf(user, user.length + password.length);
      System.arraycopy(password, 0, credentials, user.length, password.length);
      return "Basic " + Base64.getEncoder().encodeToString(credentials);
    });
  }

  /**
   * The ping interval in the whole seconds WebSocket clients count in, rounded up.
   *
   * @param interval {@code WebSocketPingInterval}
   * @return the seconds between pings; 0 turns pings off
   */
  public static int pingSeconds(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      return 0;
    }
    long seconds = interval.toSeconds() + (interval.toNanosPart() > 0 ? 1 : 0);
    return (int) Math.min(Integer.MAX_VALUE, seconds);
  }

  /**
   * Whether the link presents itself differently now, and must reconnect: another profile, key or, with
   * profile 3, client certificate. New trusted roots alone do not count: they apply from the next
   * handshake, and a working connection need not be dropped for them.
   *
   * @param old the settings the current connection was made with
   * @param now the new settings
   * @return whether to reconnect
   */
  public static boolean credentialsChanged(ConnectionSettings old, ConnectionSettings now) {
    return old.securityProfile() != now.securityProfile()
        || !old.authorizationKey().equals(now.authorizationKey())
        || now.securityProfile() >= 3 && !old.clientCertificate().equals(now.clientCertificate());
  }
}
