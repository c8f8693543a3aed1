package dev.kilowatt.ocpp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A loopback TCP server that plays a script on every connection, for answers a WebSocket server library
 * does not give: an HTTP 401 to the upgrade, a TLS 1.1 server hello, or the JDK's own TLS alerts when a
 * handshake fails (Java-WebSocket's TLS server closes without them).
 */
final class ScriptedServer implements AutoCloseable {

  interface Script {
    void play(Socket connection) throws IOException;
  }

  private final ServerSocket listening;

  private ScriptedServer(ServerSocket listening, Script script) {
    this.listening = listening;
    Thread acceptor = new Thread(() -> {
      while (!listening.isClosed()) {
        try (Socket connection = listening.accept()) {
          connection.setSoTimeout((int) Duration.ofSeconds(TestCentralSystem.WAIT_SECONDS).toMillis());
          script.play(connection);
        } catch (IOException e) {
          // the handshake failed, the client hung up or the test closed the server: next connection, if any
        }
      }
    }, "scripted-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static ScriptedServer plain(Script script) throws IOException {
    return new ScriptedServer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()), script);
  }

  /** A JSSE TLS server; its script gets the TLS socket before the handshake. */
  static ScriptedServer tls(SSLContext context, SSLParameters parameters, Script script) throws IOException {
    SSLSocketFactory layer = context.getSocketFactory();
    return plain(connection -> {
      SSLSocket tls = (SSLSocket) layer.createSocket(connection, null, false);
      tls.setSSLParameters(parameters);
      try {
        script.play(tls);
      } finally {
        // Closing with the client's last flight unread would reset the connection, and the client might
        // lose the alert that says why the handshake failed; real servers linger too.
        connection.getInputStream().transferTo(OutputStream.nullOutputStream());
      }
    });
  }

  String url(String scheme) {
    return scheme + "://127.0.0.1:" + listening.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    listening.close();
  }
}
