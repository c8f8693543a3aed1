package dev.kilowatt.ocpp;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.SSLParametersWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/** A scripted central system on a free loopback port: records what arrives, sends what a test says. */
final class TestCentralSystem extends WebSocketServer {

  static final long WAIT_SECONDS = 10;

  /** What a client asked for when it connected. */
  record Handshake(String path, String authorization, String subprotocols) {
  }

  /** How the latest connection ended. */
  record Closed(int code, String reason, boolean byClient) {
  }

  final BlockingQueue<Handshake> handshakes = new LinkedBlockingQueue<>();
  final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  final BlockingQueue<Closed> closes = new LinkedBlockingQueue<>();
  /** The certificate chain each TLS client presented, leaf first; empty for none. */
  final BlockingQueue<List<Certificate>> clientCertificates = new LinkedBlockingQueue<>();
  private final BlockingQueue<WebSocket> opened = new LinkedBlockingQueue<>();
  final BlockingQueue<Long> pings = new LinkedBlockingQueue<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final Set<WebSocket> live = ConcurrentHashMap.newKeySet();
  /** The close handshake each connection went through, by connection, until it is closed. */
  private final Map<WebSocket, Closed> closing = new ConcurrentHashMap<>();
  private final ScheduledExecutorService watchman = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "test-central-system-watchman");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean refusing;
  private WebSocket latest;

  /** A central system that speaks ocpp1.6. */
  static TestCentralSystem ocpp16() {
    return new TestCentralSystem(new Draft_6455(List.of(), List.<IProtocol>of(new Protocol("ocpp1.6"))));
  }

  /** A WebSocket server that completes the handshake without agreeing to any subprotocol. */
  static TestCentralSystem withoutSubprotocol() {
    return new TestCentralSystem(new Draft_6455(List.of(), List.<IProtocol>of(new Protocol(""))));
  }

  private TestCentralSystem(Draft draft) {
    super(new InetSocketAddress("127.0.0.1", 0), List.of(draft));
    setReuseAddr(true);
    setDaemon(true);
  }

  TestCentralSystem overTls(SSLContext tls) {
    return overTls(tls, tls.getDefaultSSLParameters());
  }

  /** Over TLS with these protocols, cipher suites and client authentication. */
  TestCentralSystem overTls(SSLContext tls, SSLParameters parameters) {
    return overTls(new SSLParametersWebSocketServerFactory(tls, parameters));
  }

  /** Over TLS as {@code tls} sets each connection up, e.g. with a certificate the test swaps. */
  TestCentralSystem overTls(WebSocketServerFactory tls) {
    setWebSocketFactory(tls);
    return this;
  }

  TestCentralSystem begin() throws InterruptedException {
    start();
    if (!started.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("test central system did not start");
    }
    return this;
  }

  String url(String scheme, String path) {
    return scheme + "://127.0.0.1:" + getPort() + path;
  }

  /** Whether to turn clients away at the WebSocket upgrade. */
  void refuse(boolean refusing) {
    this.refusing = refusing;
  }

  /** Waits until the next connection is open on this side too; later sends and drops go to it. */
  void awaitOpen() throws InterruptedException {
    latest = take(opened);
  }

  void send(String text) {
    latest.send(text);
  }

  void send(ByteBuffer binary) {
    latest.send(binary);
  }

  /** Cuts the latest connection as a crashing server would. */
  void drop() {
    latest.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the test");
  }

  Handshake nextHandshake() throws InterruptedException {
    return take(handshakes);
  }

  String nextReceived() throws InterruptedException {
    return take(received);
  }

  void nextPing() throws InterruptedException {
    take(pings);
  }

  Closed nextClose() throws InterruptedException {
    return take(closes);
  }

  static <T> T take(BlockingQueue<T> queue) throws InterruptedException {
    T next = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(next, "nothing arrived within " + WAIT_SECONDS + " s");
    return next;
  }

  void shutDown() throws InterruptedException {
    watchman.shutdownNow();
    stop(1000);
  }

  /**
   * Java-WebSocket's server can strand a frame queued by another thread (a test's send, its worker's
   * handshake answer) while its selector finishes an earlier write: the selector finds the queue empty
   * and sets the interest back to read-only after the sender raised it to write. The frame then waits for
   * the next write, which may never come. The watchman raises the interest again for every connection
   * with data waiting, so that tests do not depend on that race.
   */
  private void flushStranded() {
    for (WebSocket connection : live) {
      if (connection.hasBufferedData()) {
        onWriteDemand(connection);
      }
    }
  }

  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
      WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
    live.add(conn);
    handshakes.add(new Handshake(request.getResourceDescriptor(),
        request.hasFieldValue("Authorization") ? request.getFieldValue("Authorization") : "",
        request.getFieldValue("Sec-WebSocket-Protocol")));
    if (refusing) {
      throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "not now");
    }
    return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    if (conn.hasSSLSupport()) {
      try {
        clientCertificates.add(List.of(conn.getSSLSession().getPeerCertificates()));
      } catch (SSLPeerUnverifiedException e) {
        clientCertificates.add(List.of());
      }
    }
    opened.add(conn);
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    received.add(message);
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer message) {
    received.add("binary:" + message.remaining());
  }

  @Override
  public void onWebsocketPing(WebSocket conn, Framedata frame) {
    pings.add(System.nanoTime());
    super.onWebsocketPing(conn, frame);
  }

  /**
   * Where the close handshake took place, the close is recorded as that handshake said. Java-WebSocket's
   * server sends its answer to a client's close frame before it notes that it is closing; a client that
   * closes TCP as soon as the answer arrives, as the JDK's does, can make the selector find the end of
   * the stream first and report an abnormal close (1006), although both sides closed politely.
   */
  @Override
  public void onClosing(WebSocket conn, int code, String reason, boolean remote) {
    closing.put(conn, new Closed(code, reason, remote));
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    live.remove(conn);
    Closed handshake = closing.remove(conn);
    closes.add(handshake != null ? handshake : new Closed(code, reason, remote));
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    // failures show up in what the client reports; nothing to add here
  }

  @Override
  public void onStart() {
    watchman.scheduleWithFixedDelay(this::flushStranded, 20, 20, TimeUnit.MILLISECONDS);
    started.countDown();
  }
}
