package dev.kilowatt.ocpp201;

import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.ocpp.ConnectionSecurity;
import java.net.URI;
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
 */
public record Handshake(Optional<String> authorization, Optional<SSLContext> tls, int pingSeconds) {

  private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);

  /** Rejects null components and a negative interval. */
  public Handshake {
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(tls, "tls");
    if (pingSeconds < 0) {
      throw new IllegalArgumentException("pingSeconds " + pingSeconds + " < 0");
    }
  }

  /**
   * The handshake {@code settings} ask for at {@code endpoint}, or none if they forbid connecting there:
   * profile 2 or 3 with a {@code ws://} URL (never a fall-back to an unencrypted link), or certificates
   * that cannot be used (never a fall-back to a weaker trust). Either is logged; new settings may allow it.
   */
  static Optional<Handshake> of(URI endpoint, ConnectionSettings settings, ConnectionSecurity security) {
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
    return Optional.of(new Handshake(ConnectionSecurity.basicAuthorization(identity(endpoint), settings), tls,
        ConnectionSecurity.pingSeconds(settings.pingInterval())));
  }

  /** Keeps the password, which the header only encodes, out of logs. */
  @Override
  public String toString() {
    return "Handshake[authorization=" + (authorization.isPresent() ? "Basic ***" : "none") + ", tls=" + tls.isPresent()
        + ", pingSeconds=" + pingSeconds + "]";
  }

  /** The station's identity: the URL's last path segment, percent-decoded as the CSMS reads it. */
  private static String identity(URI endpoint) {
    String path = endpoint.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
