package dev.kilowatt.transfer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Servers on the loopback interface for the transfer tests: the JDK's HTTP(S) server with canned behaviours. */
final class TestServers {

  private TestServers() {}

  /** What an upload looked like on the server. */
  record Received(String method, String path, byte[] body, List<String> authorization) {}

  /** An HTTP or HTTPS server on 127.0.0.1 with a port of its own. */
  static final class Web implements AutoCloseable {
    final HttpServer server;
    final String scheme;
    final Map<String, Received> received = new ConcurrentHashMap<>();
    /** Released when the test ends, so that a handler holding a connection open lets go. */
    final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private Web(HttpServer server, String scheme) {
      this.server = server;
      this.scheme = scheme;
      server.setExecutor(executor);
      server.start();
    }

    static Web http() throws IOException {
      return new Web(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
    }

    static Web https(SSLContext context) throws IOException {
      HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(context));
      return new Web(server, "https");
    }

    URI uri(String path) {
      return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    Web route(String path, HttpHandler handler) {
      server.createContext(path, exchange -> {
        try (exchange) {
          handler.handle(exchange);
        }
      });
      return this;
    }

    /** Serves {@code content} with its length announced, or chunked. */
    Web serve(String path, byte[] content, boolean announceLength) {
      return route(path, exchange -> {
        exchange.sendResponseHeaders(200, announceLength ? content.length : 0);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(content);
        }
      });
    }

    Web status(String path, int code) {
      return route(path, exchange -> exchange.sendResponseHeaders(code, -1));
    }

    /** Announces {@code content}, sends half of it and closes the connection. */
    Web dropHalfway(String path, byte[] content) {
      // closing with bytes missing makes the server drop the connection
      return route(path, exchange -> sendHalf(exchange, content));
    }

    /** Announces {@code content}, sends half of it and then nothing until the test ends. */
    Web stallHalfway(String path, byte[] content) {
      return route(path, exchange -> {
        sendHalf(exchange, content);
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }

    /** Accepts PUTs under {@code path}, remembering each; answers {@code code}. */
    Web acceptUploads(String path, int code) {
      return route(path, exchange -> {
        try (InputStream in = exchange.getRequestBody()) {
          received.put(exchange.getRequestURI().getPath(), new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
              in.readAllBytes(), exchange.getRequestHeaders().getOrDefault("Authorization", List.of())));
        }
        exchange.sendResponseHeaders(code, -1);
      });
    }

    /** Announces {@code content} and sends its first half, leaving the response open. */
    private static void sendHalf(HttpExchange exchange, byte[] content) throws IOException {
      exchange.sendResponseHeaders(200, content.length);
      OutputStream out = exchange.getResponseBody();
      out.write(content, 0, content.length / 2);
      out.flush();
    }

    @Override
    public void close() {
      release.countDown();
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /**
   * A self-signed certificate for 127.0.0.1 and localhost, made by the JDK's keytool in {@code dir}: the
   * server's key material and a client context that trusts it.
   */
  record Certificate(SSLContext server, SSLContext client) {

    static Certificate create(Path dir) throws Exception {
      Path store = dir.resolve("server.p12");
      char[] password = "changeit".toCharArray();
      Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
          "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
          "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
          "-storepass", "changeit", "-keypass", "changeit")
          .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        keytool.destroyForcibly();
        throw new IllegalStateException("keytool failed: " + Files.readString(dir.resolve("keytool.log")));
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, password);
      }
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      SSLContext server = SSLContext.getInstance("TLS");
      server.init(keyManagers.getKeyManagers(), null, null);
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(keys);
      SSLContext client = SSLContext.getInstance("TLS");
      client.init(null, trustManagers.getTrustManagers(), null);
      return new Certificate(server, client);
    }
  }
}
