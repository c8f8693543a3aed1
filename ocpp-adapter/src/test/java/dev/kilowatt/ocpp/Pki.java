package dev.kilowatt.ocpp;

import dev.kilowatt.core.port.ConnectionSettings.ClientCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The test certificates in src/test/resources/tls; its README says what each one is. */
final class Pki {

  private static final char[] PASSWORD = "changeit".toCharArray();

  private Pki() {
  }

  static String pem(String name) {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The charge point certificate issued by the test root through its sub-CA, chain and key. */
  static ClientCertificate chargePoint() {
    return new ClientCertificate(pem("cp.pem") + pem("cp-ca.pem"), pem("cp.key"));
  }

  /** A charge point certificate no central system trusts. */
  static ClientCertificate stranger() {
    return new ClientCertificate(pem("stranger.pem"), pem("stranger.key"));
  }

  /** A server with the key and certificate of a PKCS#12 store; it trusts clients issued by {@code clientRoot}, if given. */
  static SSLContext server(String p12, String... clientRoots) throws GeneralSecurityException, IOException {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store(p12), PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trustManagers(roots(clientRoots)).getTrustManagers(), null);
    return context;
  }

  /** What an embedder might hand the link: a context that trusts the certificates of a PKCS#12 store. */
  static SSLContext trusting(String p12) throws GeneralSecurityException, IOException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers(store(p12)).getTrustManagers(), null);
    return context;
  }

  private static KeyStore store(String p12) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = open(p12)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  private static KeyStore roots(String... pemNames) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    for (String name : pemNames) {
      try (InputStream in = open(name)) {
        store.setCertificateEntry(name, factory.generateCertificate(in));
      }
    }
    return store;
  }

  private static TrustManagerFactory trustManagers(KeyStore anchors) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(anchors);
    return factory;
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = Pki.class.getResourceAsStream("/tls/" + name);
    if (in == null) {
      throw new IOException("no test resource /tls/" + name);
    }
    return in;
  }
}
