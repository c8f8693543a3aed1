package dev.kilowatt.core.port;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the central-system link takes from the charge point's configuration and certificate store. The URL
 * and charge point identity belong to the embedder's set-up, not to OCPP configuration, so they are the
 * adapter's own.
 *
 * <p>What the adapter does with each security profile ("Improved security for OCPP 1.6-J", edition 3):
 * <ul>
 *   <li>1: HTTP Basic authentication with the charge point identity as user and {@link #basicAuthPassword()}
 *       as password, over {@code ws://} or {@code wss://}.
 *   <li>2: the same over TLS ({@code wss://} only), trusting as server certificate issuers only the
 *       {@link #trustedRootCertificatesPem()}, not the JVM's default CA bundle (A00.FR.307); the server
 *       certificate must name the central system's host (A00.FR.308). A server that fails this check is
 *       left at once and reported as the security event {@code InvalidCentralSystemCertificate} through
 *       {@link CentralSystem.Listener#onSecurityEvent} (A00.FR.309); TLS below 1.2 likewise as
 *       {@code InvalidTLSVersion}.
 *   <li>3: TLS as for 2, without Basic authentication, presenting {@link #clientCertificate()} as the TLS
 *       client certificate (A00.FR.401).
 * </ul>
 * A change of key, profile or client certificate takes effect by reconnecting (the charge point must
 * switch to a new certificate at once, A02.FR.08); a change of the trusted roots alone applies from the
 * next TLS handshake and need not drop a working connection.
 *
 * @param authorizationKey the {@code AuthorizationKey}: the HTTP Basic password as 32 to 40 hexadecimal
 *     digits (A00.FR.205), if set
 * @param pingInterval {@code WebSocketPingInterval}; zero disables pings
 * @param securityProfile {@code SecurityProfile} (0 = none, 1 = Basic auth, 2 = TLS + Basic, 3 = TLS + client cert)
 * @param trustedRootCertificatesPem the installed {@code CentralSystemRootCertificate}s, one PEM certificate
 *     each: the only trust anchors for the server certificate with profiles 2 and 3
 * @param clientCertificate the charge point certificate for profile 3, if it has one valid now
 */
public record ConnectionSettings(Optional<String> authorizationKey, Duration pingInterval, int securityProfile,
    List<String> trustedRootCertificatesPem, Optional<ClientCertificate> clientCertificate) {

  /** Rejects null components and copies the list of roots, so the settings stay as they were built. */
  public ConnectionSettings {
    Objects.requireNonNull(authorizationKey, "authorizationKey");
    Objects.requireNonNull(pingInterval, "pingInterval");
    trustedRootCertificatesPem = List.copyOf(trustedRootCertificatesPem);
    Objects.requireNonNull(clientCertificate, "clientCertificate");
  }

  /**
   * Settings without certificates, for profiles 0 and 1.
   *
   * @param authorizationKey the {@code AuthorizationKey}, if set
   * @param pingInterval {@code WebSocketPingInterval}; zero disables pings
   * @param securityProfile {@code SecurityProfile}, 0 or 1
   */
  public ConnectionSettings(Optional<String> authorizationKey, Duration pingInterval, int securityProfile) {
    this(authorizationKey, pingInterval, securityProfile, List.of(), Optional.empty());
  }

  /**
   * The HTTP Basic password: the bytes the key's hexadecimal digits stand for (A00.FR.205). A key that
   * is not hexadecimal (the domain accepts none over OCPP, but a test may build one) is used as its
   * UTF-8 bytes.
   *
   * @return the password bytes, or empty without a key
   */
  public Optional<byte[]> basicAuthPassword() {
    return authorizationKey.map(key -> {
      try {
        return HexFormat.of().parseHex(key);
      } catch (IllegalArgumentException e) {
        return key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
    });
  }

  /** Keeps the key out of logs (A01.FR.12). */
  @Override
  public String toString() {
    return "ConnectionSettings[authorizationKey=" + authorizationKey.map(k -> "***").orElse("none") + ", pingInterval=" + pingInterval
        + ", securityProfile=" + securityProfile + ", trustedRootCertificates=" + trustedRootCertificatesPem.size()
        + ", clientCertificate=" + clientCertificate.isPresent() + "]";
  }

  /**
   * The charge point's TLS client certificate (security profile 3).
   *
   * @param certificateChainPem the certificate, then the sub-CA certificates that lead to the central
   *     system's root, PEM
   * @param privateKeyPkcs8Pem the certificate's private key, PKCS#8 PEM ({@code BEGIN PRIVATE KEY}); it
   *     must not leave the charge point (A02.FR.05)
   */
  public record ClientCertificate(String certificateChainPem, String privateKeyPkcs8Pem) {

    /** Rejects a null chain or key. */
    public ClientCertificate {
      Objects.requireNonNull(certificateChainPem, "certificateChainPem");
      Objects.requireNonNull(privateKeyPkcs8Pem, "privateKeyPkcs8Pem");
    }

    /** Keeps the private key out of logs. */
    @Override
    public String toString() {
      return "ClientCertificate[private key hidden]";
    }
  }
}
