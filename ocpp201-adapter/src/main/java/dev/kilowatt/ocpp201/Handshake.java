package dev.kilowatt.ocpp201;

import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.ocpp.CentralSystemAddress;
import dev.kilowatt.ocpp.ConnectionSecurity;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one connection attempt presents and checks. Part 2 (A00) defines security profiles 1 to 3 as the
 * 1.6 security white paper does, so the 1.6 adapter's {@link ConnectionSecurity} makes them of the
 * core's {@link ConnectionSettings}: HTTP Basic authentication with profiles 1 and 2, the station's
 * identity as user and the {@code SecurityCtrlr.BasicAuthPassword} (the core's {@code AuthorizationKey})
 * as password; TLS with profiles 2 and 3, trusting only the installed CSMS root certificates when there
 * are any; the client certificate with profile 3, which sends no password.
 *
 * @param authorization the {@code Authorization} header of the upgrade request, if one is sent
 * @param tls the TLS context of a {@code wss://} endpoint; empty for {@code ws://}
 * @param pingSeconds the seconds between WebSocket pings ({@code WebSocketPingInterval}); 0 sends none
 * @param messageTimeout how long a call of the station waits for its answer before it fails and the next call
 *     goes ({@code OCPPCommCtrlr.MessageTimeout}, part 4's time-out of a CALL)
 */
public record Handshake(Optional<String> authorization, Optional<SSLContext> tls, int pingSeconds, Duration messageTimeout) {

  /**
   * The message time-out unless the station is given another: 30 s, the figure the OCA's schemas give as a
   * starting point for a NetworkConnectionProfile's messageTimeout (part 2 leaves the value to the station;
   * part 4 has a call time out after an implementation-dependent interval). The core's own response time-out
   * is 30 s by default too.
   */
  public static final Duration MESSAGE_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);

  /** Rejects null components, a negative interval and a message time-out that is not positive. */
  public Handshake {
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(tls, "tls");
    if (pingSeconds < 0) {
      throw new IllegalArgumentException("pingSeconds " + pingSeconds + " < 0");
    }
    if (messageTimeout.isNegative() || messageTimeout.isZero()) {
      throw new IllegalArgumentException("messageTimeout " + messageTimeout + " is not positive");
    }
  }

  /**
   * A handshake with the default {@link #MESSAGE_TIMEOUT}.
   *
   * @param authorization the {@code Authorization} header of the upgrade request, if one is sent
   * @param tls the TLS context of a {@code wss://} endpoint; empty for {@code ws://}
   * @param pingSeconds the seconds between WebSocket pings; 0 sends none
   */
  public Handshake(Optional<String> authorization, Optional<SSLContext> tls, int pingSeconds) {
    this(authorization, tls, pingSeconds, MESSAGE_TIMEOUT);
  }

  /**
   * The handshake {@code settings} ask for at {@code address}, or none if they forbid connecting there:
   * profile 2 or 3 with a {@code ws://} URL (never a fall-back to an unencrypted link), or certificates
   * that cannot be used (never a fall-back to a weaker trust). Either is logged; new settings may allow it.
   */
  static Optional<Handshake> of(CentralSystemAddress address, ConnectionSettings settings, ConnectionSecurity security,
      Duration messageTimeout) {
    URI endpoint = address.endpoint();
    boolean secure = "wss".equalsIgnoreCase(endpoint.getScheme());
    if (ConnectionSecurity.needsTls(settings) && !secure) {
      LOG.error("security profile {} needs a wss:// CSMS URL, not {}; not connecting", settings.securityProfile(), endpoint);
      return Optional.empty();
    }
    Optional<SSLContext> tls = Optional.empty();
    if (secure) {
      tls = security.tlsContext(settings);
      if (tls.isEmpty()) {
        return Optional.empty();
      }
    }
    // the identity as it is, not read back from the URL, where part 4 has it percent-encoded
    return Optional.of(new Handshake(ConnectionSecurity.basicAuthorization(address.chargePointId(), settings), tls,
        ConnectionSecurity.pingSeconds(settings.pingInterval()), messageTimeout));
  }

  /** Keeps the password, which the header only encodes, out of logs. */
  @Override
  public String toString() {
    return "Handshake[authorization=" + (authorization.isPresent() ? "Basic ***" : "none") + ", tls=" + tls.isPresent()
        + ", pingSeconds=" + pingSeconds + ", messageTimeout=" + messageTimeout + "]";
  }
}
