package dev.kilowatt.ocpp;

import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.ConnectionSettings.ClientCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS side of the security profiles ("Improved security for OCPP 1.6-J", edition 3, section 2): whom
 * the charge point trusts to be the central system, which certificate it presents, and what it offers in
 * the handshake.
 *
 * <p>With profile 2 or 3 and installed Central System root certificates, those roots are the only trust
 * anchors (A00.FR.307), neither the JVM's CA bundle nor the embedder's context; with profile 3 and a
 * charge point certificate, that certificate is the TLS client certificate (A00.FR.402). Whatever the
 * settings leave open is the JVM default's; the embedder's context from {@link LinkOptions#tls()} is used
 * as it is when the settings bring neither roots nor a client certificate (profiles 0 and 1 always), since
 * an {@link SSLContext} cannot be taken apart and combined with other parts.
 *
 * <p>Every {@code wss://} handshake offers TLS 1.2 and 1.3 only (A00.FR.312) and AEAD cipher suites only:
 * the paper's suites for charge points (A00.FR.318) are all AES-GCM, and CBC-mode suites are the legacy
 * ones A00.FR.319 keeps out. The server certificate must name the host of the central system's URL
 * (A00.FR.308; the JDK's HTTPS rules, which check the subjectAltName and accept wildcards).
 *
 * <p>The context is built once per distinct set of trust and client certificate, so that reconnecting does
 * not parse and re-encrypt keys each time.
 */
final class TlsSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TlsSetup.class);
  private static final Set<String> PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");
  private static final String PRIVATE_KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PRIVATE_KEY_END = "-----END PRIVATE KEY-----";

  /** What a context depends on, as far as the settings' security profile uses it. */
  private record Inputs(List<String> roots, Optional<ClientCertificate> clientCertificate) {

    static Inputs of(ConnectionSettings settings) {
      boolean tls = settings.securityProfile() >= 2;
      return new Inputs(tls ? settings.trustedRootCertificatesPem() : List.of(),
          settings.securityProfile() >= 3 ? settings.clientCertificate() : Optional.empty());
    }

    boolean own() {
      return !roots.isEmpty() || clientCertificate.isPresent();
    }
  }

  private final Optional<SSLContext> embedders;
  private final Runnable unusable;
  private Inputs built;
  private Optional<SSLContext> context = Optional.empty();

  /** {@code unusable} hears of every set of certificates that cannot be used, after it is logged. */
  TlsSetup(Optional<SSLContext> embedders, Runnable unusable) {
    this.embedders = Objects.requireNonNull(embedders, "embedders");
    this.unusable = Objects.requireNonNull(unusable, "unusable");
  }

  /**
   * The context for {@code settings}, or empty if their certificates or key cannot be used (logged and
   * told to {@code unusable}); the link must then not connect, rather than fall back to a
   * weaker trust.
   */
  synchronized Optional<SSLContext> contextFor(ConnectionSettings settings) {
    Inputs inputs = Inputs.of(settings);
    if (!inputs.equals(built)) {
      built = inputs;
      context = build(inputs);
    }
    return context;
  }

  private Optional<SSLContext> build(Inputs inputs) {
    try {
      if (!inputs.own()) {
        return Optional.of(embedders.isPresent() ? embedders.get() : SSLContext.getDefault());
      }
      TrustManager[] trust = inputs.roots().isEmpty() ? null : trustOnly(inputs.roots());
      KeyManager[] keys = inputs.clientCertificate().isPresent() ? keysOf(inputs.clientCertificate().get()) : null;
      SSLContext own = SSLContext.getInstance("TLS");
      own.init(keys, trust, null);
      return Optional.of(own);
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      LOG.error("the TLS certificates in the settings are unusable ({}); not connecting until they change",
          e.getMessage());
      unusable.run();
      return Optional.empty();
    }
  }

  /** Narrows what one handshake offers and checks to what the white paper allows. */
  static void restrict(SSLParameters parameters) {
    parameters.setProtocols(Arrays.stream(parameters.getProtocols()).filter(PROTOCOLS::contains).toArray(String[]::new));
    parameters.setCipherSuites(Arrays.stream(parameters.getCipherSuites()).filter(TlsSetup::allowed).toArray(String[]::new));
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
  }

  /** AEAD suites (all of TLS 1.3's are), and the signalling value that protects renegotiation. */
  private static boolean allowed(String cipherSuite) {
    return cipherSuite.contains("_GCM_") || cipherSuite.contains("CHACHA20_POLY1305") || cipherSuite.contains("_CCM")
        || cipherSuite.endsWith("_SCSV");
  }

  private static TrustManager[] trustOnly(List<String> rootsPem) throws GeneralSecurityException, IOException {
    KeyStore anchors = emptyStore();
    int index = 0;
    for (String pem : rootsPem) {
      for (X509Certificate root : certificates(pem)) {
        anchors.setCertificateEntry("root-" + index++, root);
      }
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(anchors);
    return factory.getTrustManagers();
  }

  private static KeyManager[] keysOf(ClientCertificate certificate) throws GeneralSecurityException {
    List<X509Certificate> chain = certificates(certificate.certificateChainPem());
    if (chain.isEmpty()) {
      throw new CertificateException("the charge point certificate chain holds no certificate");
    }
    PrivateKey key = privateKey(certificate.privateKeyPkcs8Pem(), chain.get(0).getPublicKey().getAlgorithm());
    return new KeyManager[] {new ChargePointKey(key, chain.toArray(X509Certificate[]::new))};
  }

  /**
   * The charge point certificate as the only client certificate, presented whichever authorities the
   * server names as acceptable (A00.FR.402): the JDK's key managers send none unless an issuer is named,
   * and a server then refuses with a bare handshake_failure instead of saying that it does not know the
   * certificate.
   */
  private static final class ChargePointKey extends X509ExtendedKeyManager {

    private static final String ALIAS = "charge-point";
    private final PrivateKey key;
    private final X509Certificate[] chain;

    ChargePointKey(PrivateKey key, X509Certificate[] chain) {
      this.key = key;
      this.chain = chain;
    }

    private String aliasFor(String[] keyTypes) {
      return keyTypes != null && Arrays.asList(keyTypes).contains(key.getAlgorithm()) ? ALIAS : null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
      return aliasFor(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
      return aliasFor(keyTypes);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return aliasFor(new String[] {keyType}) == null ? null : new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return ALIAS.equals(alias) ? key : null;
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  /** Every certificate in {@code pem}, in order; none for an empty text. */
  private static List<X509Certificate> certificates(String pem) throws CertificateException {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate certificate : CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))) {
      certificates.add((X509Certificate) certificate);
    }
    return certificates;
  }

  /** A PKCS#8 PEM private key for a certificate whose public key uses {@code algorithm} (EC, RSA...). */
  static PrivateKey privateKey(String pem, String algorithm) throws GeneralSecurityException {
    String body = pem.strip();
    if (!body.startsWith(PRIVATE_KEY_BEGIN) || !body.endsWith(PRIVATE_KEY_END)) {
      throw new InvalidKeySpecException("the private key is not PKCS#8 PEM (" + PRIVATE_KEY_BEGIN + ")");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(body.substring(PRIVATE_KEY_BEGIN.length(), body.length() - PRIVATE_KEY_END.length()));
    } catch (IllegalArgumentException e) {
      throw new InvalidKeySpecException("the private key is not valid Base64", e);
    }
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
  }
}
