package dev.kilowatt.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.SocketException;
import java.security.cert.CertificateExpiredException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** How failed handshakes and upgrades map to the white paper's security events. */
class SecurityFindingTest {

  private static Optional<String> typeOf(Throwable error) {
    return SecurityFinding.ofTlsFailure(error).map(SecurityFinding::type);
  }

  private static SSLHandshakeException handshake(String message, Throwable cause) {
    SSLHandshakeException error = new SSLHandshakeException(message);
    error.initCause(cause);
    return error;
  }

  @Test
  void aCertificateTheTrustManagerRejectedIsTheCentralSystemsFault() {
    SSLHandshakeException expired = handshake("(certificate_unknown) NotAfter: ...", new CertificateExpiredException("NotAfter"));
    assertEquals(Optional.of(new SecurityFinding("InvalidCentralSystemCertificate", "(certificate_unknown) NotAfter: ...")),
        SecurityFinding.ofTlsFailure(expired));
    assertEquals(Optional.of("InvalidCentralSystemCertificate"),
        typeOf(new SSLException("Connection has been shutdown: " + expired, expired)),
        "the other thread of the connection sees the same failure wrapped");
  }

  @Test
  void alertsFromTheServerSayWhatItRefused() {
    assertEquals(Optional.of("InvalidTLSVersion"), typeOf(new SSLHandshakeException("Received fatal alert: protocol_version")));
    assertEquals(Optional.of("InvalidTLSVersion"),
        typeOf(new SSLHandshakeException("The server selected protocol version TLS10 is not accepted by client preferences")));
    assertEquals(Optional.of("InvalidTLSCipherSuite"), typeOf(new SSLHandshakeException("Received fatal alert: handshake_failure")));
    assertEquals(Optional.of("InvalidTLSCipherSuite"),
        typeOf(new SSLHandshakeException("(insufficient_security) Received fatal alert: insufficient_security")));
    for (String alert : new String[] {"bad_certificate", "unknown_ca", "certificate_required", "access_denied"}) {
      assertEquals(Optional.of("FailedToAuthenticateAtCentralSystem"),
          typeOf(new SSLHandshakeException("Received fatal alert: " + alert)), alert);
    }
  }

  @Test
  void failuresThatSayNothingCertainAreNoFinding() {
    assertEquals(Optional.empty(), typeOf(new SocketException("Connection reset")));
    assertEquals(Optional.empty(), typeOf(new IOException("Received fatal alert: protocol_version")), "not from TLS");
    assertEquals(Optional.empty(), typeOf(new SSLException("Connection reset", new SocketException("Connection reset"))));
    assertEquals(Optional.empty(), typeOf(new SSLHandshakeException("Remote host terminated the handshake")));
    assertEquals(Optional.empty(), typeOf(new SSLHandshakeException(null)));
    assertEquals(Optional.empty(), typeOf(new SSLHandshakeException("(certificate_unknown) No trusted certificate found")),
        "an alert we sent ourselves names no cause; only a CertificateException does");
  }

  @Test
  void onlyAn401ToTheUpgradeMeansOurCredentialsWereRefused() {
    assertEquals(Optional.of("FailedToAuthenticateAtCentralSystem"),
        SecurityFinding.ofRefusedUpgrade("Invalid status code received: 401 Status line: HTTP/1.1 401 Unauthorized")
            .map(SecurityFinding::type));
    assertEquals(Optional.empty(),
        SecurityFinding.ofRefusedUpgrade("Invalid status code received: 404 Status line: HTTP/1.1 404 Not Found"));
    assertEquals(Optional.empty(), SecurityFinding.ofRefusedUpgrade(""));
    assertEquals(Optional.empty(), SecurityFinding.ofRefusedUpgrade(null));
  }
}
