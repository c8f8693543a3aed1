package dev.kilowatt.examples;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small OCPP-J 1.6 central system on a free loopback port: a WebSocket server speaking {@code ocpp1.6}
 * that hands every text frame to a handler, with the way to answer on that connection. It accepts any charge
 * point identity.
 */
final class DemoCentralSystem extends WebSocketServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCentralSystem.class);

  private final BiConsumer<String, Consumer<String>> handler;
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  /** The charge point connected last: the one {@link #send} talks to. */
  private volatile Optional<WebSocket> chargePoint = Optional.empty();

  private DemoCentralSystem(BiConsumer<String, Consumer<String>> handler) {
    super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        List.of(new Draft_6455(List.of(), List.of(new Protocol("ocpp1.6")))));
    this.handler = handler;
    setReuseAddr(true);
    // Answers go out at once, not held back by Nagle's algorithm waiting for the charge point's ACK.
    setTcpNoDelay(true);
    setDaemon(true);
  }

  /**
   * Opens a central system that hands each frame to {@code handler}, with a sender to answer it on its
   * connection, and waits until it listens.
   */
  static DemoCentralSystem open(BiConsumer<String, Consumer<String>> handler) {
    DemoCentralSystem server = new DemoCentralSystem(handler);
    server.start();
    awaitListening(server.started);
    return server;
  }

  /** Waits until a loopback central system of the examples listens: {@code started} completes in its onStart. */
  static void awaitListening(CompletableFuture<Void> started) {
    try {
      started.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the central system", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the central system did not start", e);
    }
  }

  /**
   * Sends a frame of the central system's own to the charge point connected last.
   *
   * @throws IllegalStateException if none is connected
   */
  void send(String frame) {
    chargePoint.orElseThrow(() -> new IllegalStateException("no charge point is connected")).send(frame);
  }

  /** The base URL a charge point appends its identity to. */
  URI url() {
    return URI.create("ws://127.0.0.1:" + getPort());
  }

  @Override
  public void close() {
    try {
      stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void onStart() {
    started.complete(null);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    LOG.debug("charge point connected: {}", handshake.getResourceDescriptor());
    chargePoint = Optional.of(conn);
  }

  @Override
  public void onMessage(WebSocket conn, String frame) {
    handler.accept(frame, conn::send);
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer frame) {
    LOG.warn("ignoring a binary frame: OCPP-J frames are text");
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    LOG.debug("charge point disconnected: {} {}", code, reason);
    if (chargePoint.equals(Optional.of(conn))) {
      chargePoint = Optional.empty();
    }
  }

  @Override
  public void onError(WebSocket conn, Exception e) {
    if (!started.isDone()) {
      started.completeExceptionally(e);
    } else {
      LOG.warn("central system: " + e.getMessage(), e);
    }
  }
}
