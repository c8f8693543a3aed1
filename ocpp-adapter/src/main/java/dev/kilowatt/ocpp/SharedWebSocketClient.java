package dev.kilowatt.ocpp;

import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** The one HTTP client that many {@link SharedClientOcppLink}s share in a process. */
public final class SharedWebSocketClient {

  private SharedWebSocketClient() {}

  /**
   * An HTTP client for many links: their listener callbacks run on {@code executor}, and {@code wss://}
   * handshakes trust {@code tls} (or the JVM's default) and offer what {@link OcppJsonLink} offers: TLS 1.2
   * and 1.3, AEAD cipher suites, a server certificate that names the host.
   *
   * @param executor where the links' callbacks run
   * @param tls the TLS context for {@code wss://}, or empty for the JVM's default
   * @return the client, to hand to each {@link SharedClientOcppLink}
   */
  public static HttpClient create(Executor executor, Optional<SSLContext> tls) {
    SSLContext context = tls.orElseGet(SharedWebSocketClient::defaultTls);
    SSLParameters parameters = context.getDefaultSSLParameters();
    ConnectionSecurity.restrict(parameters);
    return HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1).sslContext(context)
        .sslParameters(parameters).build();
  }

  private static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
  }
}
