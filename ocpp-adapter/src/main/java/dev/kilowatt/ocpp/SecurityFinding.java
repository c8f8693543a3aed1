package dev.kilowatt.ocpp;

import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * A security event a failed connection attempt revealed, for
 * {@link dev.kilowatt.core.port.CentralSystem.Listener#onSecurityEvent}: {@code type} as section 8 of
 * "Improved security for OCPP 1.6-J" (edition 3) spells it, the port's vocabulary for both protocol
 * adapters, {@code techInfo} what the TLS stack or the server said. (OCPP 2.0.1's appendix names two of
 * these differently, {@code InvalidCsmsCertificate} and {@code FailedToAuthenticateAtCsms}; the 2.0.1
 * adapter renames them where a SecurityEventNotification goes out.)
 *
 * <p>The JDK tells TLS failures apart only by exception type and message: a certificate the trust
 * manager rejected carries a {@link CertificateException}; an alert from the server reads "Received fatal
 * alert: " and the alert's name from the TLS specification. Failures that say nothing certain (a reset
 * connection, a time-out) are no finding.
 *
 * @param type the event's name in the white paper
 * @param techInfo what the TLS stack or the server said, for people
 */
public record SecurityFinding(String type, String techInfo) {

  static final String INVALID_CENTRAL_SYSTEM_CERTIFICATE = "InvalidCentralSystemCertificate";
  static final String INVALID_TLS_VERSION = "InvalidTLSVersion";
  static final String INVALID_TLS_CIPHER_SUITE = "InvalidTLSCipherSuite";
  /** 1.6's name; OCPP 2.0.1 renamed it FailedToAuthenticateAtCsms. */
  static final String FAILED_TO_AUTHENTICATE = "FailedToAuthenticateAtCentralSystem";

  private static final String ALERT = "received fatal alert: ";
  private static final List<String> VERSION_REFUSED = List.of(ALERT + "protocol_version", "the server selected protocol version");
  /**
   * A server with no suite in common with us answers handshake_failure (RFC 5246 7.4.1.3) or
   * insufficient_security. A TLS 1.2 server that wanted a client certificate and got none may also answer
   * handshake_failure; the link presents its certificate whenever it has one, so that is left to a
   * charge point in profile 3 without a valid certificate, where the domain knows the cause anyway.
   */
  private static final List<String> CIPHER_SUITE_REFUSED =
      List.of(ALERT + "handshake_failure", ALERT + "insufficient_security", "improper ciphersuite");
  /** The alerts of a server that does not accept the client certificate (RFC 8446 6.2). */
  private static final List<String> CLIENT_REFUSED = List.of("bad_certificate", "unsupported_certificate",
      "certificate_revoked", "certificate_expired", "certificate_unknown", "unknown_ca", "access_denied",
      "certificate_required").stream().map(alert -> ALERT + alert).toList();
  /** Java-WebSocket reports a refused upgrade only as text in the close reason. */
  private static final Pattern REFUSED_UPGRADE = Pattern.compile("Invalid status code received: (\\d{3})");
  private static final int MAX_CAUSES = 16;

  /**
   * What a failed TLS handshake says about the central system, if anything certain.
   *
   * @param error what the WebSocket client reported, with its causes
   * @return the finding, or empty if the failure says nothing certain
   */
  public static Optional<SecurityFinding> ofTlsFailure(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable cause = error; cause != null && chain.size() < MAX_CAUSES && !chain.contains(cause);
        cause = cause.getCause()) {
      chain.add(cause);
    }
    if (chain.stream().noneMatch(SSLException.class::isInstance)) {
      return Optional.empty();
    }
    String techInfo = chain.stream().map(Throwable::getMessage).filter(m -> m != null && !m.isBlank()).findFirst()
        .orElse(error.getClass().getSimpleName());
    if (chain.stream().anyMatch(CertificateException.class::isInstance)) {
      return Optional.of(new SecurityFinding(INVALID_CENTRAL_SYSTEM_CERTIFICATE, techInfo));
    }
    String said = String.join("\n", chain.stream().map(Throwable::getMessage).filter(m -> m != null).toList())
        .toLowerCase(Locale.ROOT);
    if (VERSION_REFUSED.stream().anyMatch(said::contains)) {
      return Optional.of(new SecurityFinding(INVALID_TLS_VERSION, techInfo));
    }
    if (CIPHER_SUITE_REFUSED.stream().anyMatch(said::contains)) {
      return Optional.of(new SecurityFinding(INVALID_TLS_CIPHER_SUITE, techInfo));
    }
    if (CLIENT_REFUSED.stream().anyMatch(said::contains)) {
      return Optional.of(new SecurityFinding(FAILED_TO_AUTHENTICATE, techInfo));
    }
    return Optional.empty();
  }

  /**
   * What the close reason of a connection that never opened says: HTTP 401 means our credentials were refused.
   *
   * @param closeReason the reason Java-WebSocket gave for closing a connection whose upgrade failed; may be null
   * @return {@code FailedToAuthenticateAtCentralSystem} for a 401, else empty
   */
  public static Optional<SecurityFinding> ofRefusedUpgrade(String closeReason) {
    Matcher status = REFUSED_UPGRADE.matcher(closeReason == null ? "" : closeReason);
    if (status.find() && status.group(1).equals("401")) {
      return Optional.of(new SecurityFinding(FAILED_TO_AUTHENTICATE, "HTTP 401 on the WebSocket upgrade"));
    }
    return Optional.empty();
  }
}
