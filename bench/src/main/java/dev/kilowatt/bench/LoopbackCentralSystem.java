package dev.kilowatt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/**
 * The central system of the benchmark, on a loopback port in the benchmark's own JVM: it accepts every
 * charge point and card, hands out transaction ids, and times what it hears. One charge point at a time.
 *
 * <p>Its own cost is kept small and the same for every charger measured: answers to the charge point's calls
 * are written as text, and an answer to one of its own calls is matched by its unique id without parsing
 * the payload.
 */
final class LoopbackCentralSystem extends WebSocketServer implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final Duration LOST_AFTER = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A call of the charge point, when it arrived (System.nanoTime), and the transaction id it was given, if any. */
  record Arrival(String action, long nanos, JsonNode payload, int transactionId) {}

  /** The answer to one of our calls and when it arrived; {@code error} for a CALLERROR. */
  record Answer(long nanos, boolean error, String frame) {}

  private final CompletableFuture<Void> listening = new CompletableFuture<>();
  private final Map<String, CompletableFuture<Answer>> pending = new ConcurrentHashMap<>();
  private final List<Arrival> arrivals = new ArrayList<>();
  private final AtomicLong nextId = new AtomicLong();
  private final AtomicInteger nextTransactionId = new AtomicInteger(1);
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger lost = new AtomicInteger();
  private volatile WebSocket chargePoint;
  private volatile boolean offline;

  private LoopbackCentralSystem() {
    super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        List.of(new Draft_6455(List.of(), List.of(new Protocol("ocpp1.6")))));
    setReuseAddr(true);
    setTcpNoDelay(true);
    setDaemon(true);
  }

  static LoopbackCentralSystem open() {
    LoopbackCentralSystem server = new LoopbackCentralSystem();
    server.start();
    try {
      server.listening.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the benchmark's central system did not start", e);
    }
    return server;
  }

  /** Where a charge point connects, its identity appended. */
  String url() {
    return "ws://127.0.0.1:" + getPort();
  }

  /** Forgets the last charge point's calls before the next one connects. */
  synchronized void reset() {
    arrivals.clear();
    pending.clear();
    connections.set(0);
    lost.set(0);
    chargePoint = null;
  }

  /** Connections opened since the last {@link #reset}: more than one means the charge point lost its link. */
  int connections() {
    return connections.get();
  }

  /** Sends a CALL to the charge point; the answer completes with its arrival time. */
  CompletableFuture<Answer> call(String action, String payload) {
    String id = Long.toString(nextId.incrementAndGet());
    WebSocket connection = chargePoint;
    if (connection == null) {
      throw new IllegalStateException("no charge point connected");
    }
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    pending.put(id, answer);
    connection.send("[2,\"" + id + "\",\"" + action + "\"," + payload + "]");
    return answer;
  }

  /**
   * Sends a call and waits for the answer; returns the round trip in nanoseconds, or nothing for a call
   * still unanswered after {@link #LOST_AFTER}, which is counted in {@link #lost()}. A lost answer is a
   * figure of its own: under heavy load both chargers have lost one now and then, with the connection up.
   */
  OptionalLong roundTrip(String action, String payload) {
    long sent = System.nanoTime();
    CompletableFuture<Answer> answer = call(action, payload);
    try {
      return OptionalLong.of(answer.get(LOST_AFTER.toMillis(), TimeUnit.MILLISECONDS).nanos() - sent);
    } catch (TimeoutException e) {
      lost.incrementAndGet();
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("no answer to " + action, e);
    }
  }

  /** The charge point's calls since the last {@link #reset}, in the order they arrived. */
  synchronized List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  /**
   * Takes the central system off the network, or back: while off, the charge point's connection is closed
   * and every new one is closed as it opens, so nothing the charge point sends arrives.
   */
  void offline(boolean off) {
    offline = off;
    WebSocket connection = chargePoint;
    if (off && connection != null) {
      connection.closeConnection(1006, "the central system is offline");
    }
  }

  /** Calls of {@link #roundTrip} never answered since the last {@link #reset}. */
  int lost() {
    return lost.get();
  }

  Answer await(CompletableFuture<Answer> answer, String what) {
    try {
      return answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("no answer to " + what + " within " + TIMEOUT.toSeconds() + " s; connections: "
          + connections.get() + (chargePoint == null ? ", none open now" : ""), e);
    }
  }

  /** Waits for a call of the charge point, after {@code after} (System.nanoTime), that passes {@code test}. */
  synchronized Arrival awaitCall(String action, long after, Predicate<JsonNode> test) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      for (Arrival arrival : arrivals) {
        if (arrival.nanos() > after && arrival.action().equals(action) && test.test(arrival.payload())) {
          return arrival;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("no " + action + " from the charge point within " + TIMEOUT.toSeconds() + " s");
      }
      try {
        wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  Arrival awaitCall(String action, long after) {
    return awaitCall(action, after, payload -> true);
  }

  Arrival awaitStatus(String status, long after) {
    return awaitCall("StatusNotification", after,
        payload -> payload.path("connectorId").asInt() == 1 && payload.path("status").asText().equals(status));
  }

  @Override
  public void onStart() {
    listening.complete(null);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    if (offline) {
      conn.closeConnection(1006, "the central system is offline");
      return;
    }
    connections.incrementAndGet();
    chargePoint = conn;
  }

  @Override
  public void onMessage(WebSocket conn, String frame) {
    long arrived = System.nanoTime();
    if (offline) {
      return;
    }
    int type = messageType(frame);
    if (type == 3 || type == 4) {
      CompletableFuture<Answer> answer = pending.remove(uniqueId(frame));
      if (answer != null) {
        answer.complete(new Answer(arrived, type == 4, frame));
      }
      return;
    }
    if (type != 2) {
      return;
    }
    JsonNode call;
    try {
      call = JSON.readTree(frame);
    } catch (IOException e) {
      throw new UncheckedIOException("the charge point sent a CALL that is not JSON: " + frame, e);
    }
    String action = call.path(2).asText();
    int transactionId = action.equals("StartTransaction") ? nextTransactionId.getAndIncrement() : 0;
    conn.send("[3," + call.path(1) + "," + answerTo(action, transactionId) + "]");
    synchronized (this) {
      arrivals.add(new Arrival(action, arrived, call.path(3), transactionId));
      notifyAll();
    }
  }

  private static String answerTo(String action, int transactionId) {
    return switch (action) {
      case "BootNotification" -> "{\"status\":\"Accepted\",\"currentTime\":\"" + Instant.now() + "\",\"interval\":300}";
      case "Heartbeat" -> "{\"currentTime\":\"" + Instant.now() + "\"}";
      case "Authorize" -> "{\"idTagInfo\":{\"status\":\"Accepted\"}}";
      case "StartTransaction" ->
          "{\"transactionId\":" + transactionId + ",\"idTagInfo\":{\"status\":\"Accepted\"}}";
      default -> "{}";
    };
  }

  /** The message type of an OCPP-J frame, read from its first element; 0 for anything else. */
  static int messageType(String frame) {
    int i = skipSpace(frame, frame.indexOf('[') + 1);
    return i > 0 && i < frame.length() && Character.isDigit(frame.charAt(i)) ? frame.charAt(i) - '0' : 0;
  }

  /** The unique id, the second element, of a frame whose ids hold no escaped characters (ours never do). */
  static String uniqueId(String frame) {
    int open = frame.indexOf('"');
    int close = open < 0 ? -1 : frame.indexOf('"', open + 1);
    return close < 0 ? "" : frame.substring(open + 1, close);
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i > 0 && i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer message) {
    // OCPP-J frames are text; a binary frame changes no figure
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    if (conn == chargePoint) {
      chargePoint = null;
    }
  }

  @Override
  public void onError(WebSocket conn, Exception e) {
    if (!listening.isDone()) {
      listening.completeExceptionally(e);
    }
  }

  @Override
  public void close() {
    try {
      stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
