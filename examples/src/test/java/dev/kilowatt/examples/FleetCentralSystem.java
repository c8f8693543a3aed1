package dev.kilowatt.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/**
 * A central system for fleet tests and the fleet benchmark, on a loopback port: the demo back office
 * answers every station's calls (one per connection, so each station numbers its transactions from 1),
 * and it counts what arrives. It plays the driver's app too: a connector that goes to Preparing without a
 * card having been authorized gets a RemoteStartTransaction, as an app start would send.
 *
 * <p>As a program ({@link #main}) it prints its URL, then its counts each time a line arrives on standard
 * input, and stops when the input ends.
 */
public final class FleetCentralSystem extends WebSocketServer implements AutoCloseable {

  /** What the central system knows of one connected station; touched only by its connection's thread. */
  private final class Station {
    final DemoBackOffice backOffice = new DemoBackOffice(FleetCentralSystem.this::count);
    /** Whether a card was authorized that no StartTransaction has used yet. */
    boolean cardAuthorized;
  }

  /** The counts so far. */
  public record Counts(long connections, long boots, long starts, long stops, long remoteStartsSent,
      long remoteStartsAccepted, long faulted, long calls) {
    public String line() {
      return String.format(Locale.ROOT, "central system saw: connections=%d boots=%d starts=%d stops=%d "
          + "remote starts sent=%d accepted=%d faulted=%d calls=%d", connections, boots, starts, stops,
          remoteStartsSent, remoteStartsAccepted, faulted, calls);
    }
  }

  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final LongAdder connections = new LongAdder();
  private final LongAdder boots = new LongAdder();
  private final LongAdder starts = new LongAdder();
  private final LongAdder stops = new LongAdder();
  private final LongAdder remoteStartsSent = new LongAdder();
  private final LongAdder remoteStartsAccepted = new LongAdder();
  private final LongAdder faulted = new LongAdder();
  private final LongAdder calls = new LongAdder();

  private FleetCentralSystem(int port) {
    super(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
        List.of(new Draft_6455(List.of(), List.of(new Protocol("ocpp1.6")))));
    setReuseAddr(true);
    setTcpNoDelay(true);
    setDaemon(true);
  }

  /** Opens a central system on a free loopback port. */
  public static FleetCentralSystem open() {
    FleetCentralSystem server = new FleetCentralSystem(0);
    server.start();
    DemoCentralSystem.awaitListening(server.started);
    return server;
  }

  public URI url() {
    return URI.create("ws://127.0.0.1:" + getPort());
  }

  public Counts counts() {
    return new Counts(connections.sum(), boots.sum(), starts.sum(), stops.sum(), remoteStartsSent.sum(),
        remoteStartsAccepted.sum(), faulted.sum(), calls.sum());
  }

  private void count(DemoBackOffice.Answered call) {
    calls.increment();
    switch (call.action()) {
      case "BootNotification" -> boots.increment();
      case "StartTransaction" -> starts.increment();
      case "StopTransaction" -> stops.increment();
      case "StatusNotification" -> {
        if (call.payload().path("status").asText().equals("Faulted")) {
          faulted.increment();
        }
      }
      default -> { }
    }
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    connections.increment();
    conn.setAttachment(new Station());
  }

  @Override
  public void onMessage(WebSocket conn, String frame) {
    Station station = conn.getAttachment();
    JsonNode message;
    try {
      message = DemoBackOffice.JSON.readTree(frame);
    } catch (IOException e) {
      message = DemoBackOffice.JSON.missingNode();
    }
    station.backOffice.answer(frame, conn::send);
    if (message.path(0).asInt() == DemoBackOffice.CALL) {
      playTheApp(conn, station, message.path(2).asText(), message.path(3));
    }
  }

  /** The app's part: a car plugged in with no card read is started remotely. */
  private void playTheApp(WebSocket conn, Station station, String action, JsonNode payload) {
    switch (action) {
      case "Authorize" -> station.cardAuthorized = true;
      case "StartTransaction" -> station.cardAuthorized = false;
      case "StatusNotification" -> {
        String status = payload.path("status").asText();
        if (status.equals("Available")) {
          station.cardAuthorized = false;
        } else if (status.equals("Preparing") && !station.cardAuthorized) {
          remoteStartsSent.increment();
          CompletableFuture<JsonNode> answer = new CompletableFuture<>();
          answer.thenAccept(result -> {
            if (result.path("status").asText().equals("Accepted")) {
              remoteStartsAccepted.increment();
            }
          });
          conn.send(station.backOffice.call("RemoteStartTransaction", DemoBackOffice.JSON.createObjectNode()
              .put("connectorId", payload.path("connectorId").asInt()).put("idTag", "APP-USER"), answer));
        }
      }
      default -> { }
    }
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer frame) {
    // OCPP-J frames are text; a binary one is no call to answer
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    // a station that comes back is counted again when it opens
  }

  @Override
  public void onError(WebSocket conn, Exception e) {
    if (!started.isDone()) {
      started.completeExceptionally(e);
    }
  }

  @Override
  public void onStart() {
    started.complete(null);
  }

  @Override
  public void close() {
    try {
      stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs as a separate process for the benchmark: prints the URL, then the counts for every line read. */
  public static void main(String[] args) throws IOException {
    try (FleetCentralSystem server = open();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      System.out.println(server.url());
      System.out.flush();
      while (in.readLine() != null) {
        System.out.println(server.counts().line());
        System.out.flush();
      }
    }
  }
}
