package dev.kilowatt.core.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the central-system link takes from the charge point's configuration. The URL and charge point
 * identity belong to the embedder's set-up, not to OCPP configuration, so they are the adapter's own.
 *
 * @param authorizationKey the {@code AuthorizationKey} for HTTP Basic authentication, if set
 * @param pingInterval {@code WebSocketPingInterval}; zero disables pings
 * @param securityProfile {@code SecurityProfile} (0 = none, 1 = Basic auth, 2 = TLS + Basic, 3 = TLS + client cert)
 */
public record ConnectionSettings(Optional<String> authorizationKey, Duration pingInterval, int securityProfile) {

  public ConnectionSettings {
    Objects.requireNonNull(authorizationKey, "authorizationKey");
    Objects.requireNonNull(pingInterval, "pingInterval");
  }
}
