package dev.kilowatt.ocpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.port.ConnectionSettings;
import java.security.spec.InvalidKeySpecException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/** What every handshake offers, and when the settings' certificates replace the embedder's context. */
class TlsSetupTest {

  private final AtomicInteger unusable = new AtomicInteger();

  private static ConnectionSettings settings(int profile, List<String> roots) {
    return new ConnectionSettings(Optional.empty(), Duration.ZERO, profile, roots, Optional.of(Pki.chargePoint()));
  }

  @Test
  void handshakesOfferTls12And13WithAeadSuitesAndCheckTheHostName() {
    SSLParameters parameters = new SSLParameters(
        new String[] {"TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA",
            "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"},
        new String[] {"TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"});

    TlsSetup.restrict(parameters);
    assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, parameters.getProtocols());
    assertArrayEquals(new String[] {"TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"},
        parameters.getCipherSuites());
    assertEquals("HTTPS", parameters.getEndpointIdentificationAlgorithm());
  }

  @Test
  void theEmbeddersContextServesWhileTheSettingsBringNoCertificates() throws Exception {
    SSLContext embedders = Pki.trusting("csms.p12");
    TlsSetup setup = new TlsSetup(Optional.of(embedders), unusable::incrementAndGet);

    assertSame(embedders, setup.contextFor(settings(1, List.of(Pki.pem("root.pem")))).orElseThrow(),
        "profiles 0 and 1 ignore installed roots and client certificates");
    assertSame(embedders, setup.contextFor(settings(2, List.of())).orElseThrow(),
        "profile 2 without roots, and its client certificate is not for profile 2");
    SSLContext own = setup.contextFor(settings(3, List.of())).orElseThrow();
    assertTrue(own != embedders, "profile 3 presents its own certificate");
    assertSame(own, setup.contextFor(settings(3, List.of())).orElseThrow(), "built once for the same certificates");
    assertSame(SSLContext.getDefault(), new TlsSetup(Optional.empty(), unusable::incrementAndGet).contextFor(settings(0, List.of())).orElseThrow());
  }

  @Test
  void unusableCertificatesGiveNoContextAndAreCounted() {
    TlsSetup setup = new TlsSetup(Optional.empty(), unusable::incrementAndGet);

    assertEquals(Optional.empty(), setup.contextFor(settings(2, List.of("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))));
    assertEquals(Optional.empty(), setup.contextFor(new ConnectionSettings(Optional.empty(), Duration.ZERO, 3, List.of(),
        Optional.of(new ConnectionSettings.ClientCertificate("", Pki.pem("cp.key"))))));
    assertEquals(2, unusable.get());
  }

  @Test
  void privateKeysMustBePkcs8() throws Exception {
    assertEquals("RSA", TlsSetup.privateKey(Pki.pem("cp.key"), "RSA").getAlgorithm());
    assertEquals("EC", TlsSetup.privateKey(Pki.pem("stranger.key"), "EC").getAlgorithm());
    assertThrows(InvalidKeySpecException.class, () -> TlsSetup.privateKey(
        Pki.pem("stranger.key").replace("PRIVATE KEY", "EC PRIVATE KEY"), "EC"));
    assertThrows(InvalidKeySpecException.class, () -> TlsSetup.privateKey(Pki.pem("cp.key"), "EC"), "not an EC key");
  }
}
