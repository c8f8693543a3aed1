package dev.kilowatt.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/**
 * A small OCPP-J 1.6 central system on loopback for the demo: it accepts every charge point and card, hands
 * out transaction ids, and answers the other Core calls a charge point makes. Not a real back office: it
 * keeps nothing and sends no calls of its own.
 */
final class DemoCentralSystem implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(DemoCentralSystem.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CALL = 2;
  private static final int CALL_RESULT = 3;
  private static final int CALL_ERROR = 4;
  /** Long enough that no Heartbeat interrupts the demo session. */
  private static final int HEARTBEAT_INTERVAL_S = 300;

  /**
   * A call the demo central system answered.
   *
   * @param action the OCPP action
   * @param payload the charge point's request
   */
  record Answered(String action, JsonNode payload) {
    boolean is(String name) {
      return action.equals(name);
    }

    /** Whether this is a StatusNotification of {@code connectorId} with {@code status}. */
    boolean isStatus(int connectorId, String status) {
      return is("StatusNotification") && payload.path("connectorId").asInt() == connectorId
          && payload.path("status").asText().equals(status);
    }
  }

  private final Server server;
  private final Consumer<Answered> observer;
  private final AtomicInteger nextTransactionId = new AtomicInteger(1);

  private DemoCentralSystem(Consumer<Answered> observer) {
    this.observer = observer;
    this.server = new Server();
  }

  /**
   * Starts a demo central system on a free loopback port.
   *
   * @param observer hears each call after it was answered, on the server's thread
   */
  static DemoCentralSystem start(Consumer<Answered> observer) {
    DemoCentralSystem demo = new DemoCentralSystem(Objects.requireNonNull(observer, "observer"));
    demo.server.start();
    try {
      demo.server.started.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the demo central system", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the demo central system did not start", e);
    }
    return demo;
  }

  /** The base URL a charge point appends its identity to. */
  URI url() {
    return URI.create("ws://127.0.0.1:" + server.getPort());
  }

  @Override
  public void close() {
    try {
      server.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The answer to one frame: a CALLRESULT or CALLERROR for a CALL, nothing for an answer (this central system
   * sends no calls, so an answer can only be stray).
   */
  Optional<String> answer(String frame) {
    JsonNode message;
    try {
      message = JSON.readTree(frame);
    } catch (JsonProcessingException e) {
      return Optional.of(callError("-1", "FormationViolation", "not JSON"));
    }
    if (message.isArray() && !message.isEmpty() && (message.get(0).asInt() == CALL_RESULT || message.get(0).asInt() == CALL_ERROR)) {
      LOG.log(Level.WARNING, "ignoring an answer to a call never made: {0}", frame);
      return Optional.empty();
    }
    return Optional.of(answerCall(message));
  }

  private String answerCall(JsonNode message) {
    if (!message.isArray() || message.size() != 4 || message.get(0).asInt() != CALL || !message.get(1).isTextual()
        || !message.get(2).isTextual() || !message.get(3).isObject()) {
      String id = message.isArray() && message.size() > 1 && message.get(1).isTextual() ? message.get(1).asText() : "-1";
      return callError(id, "FormationViolation", "expected [2, id, action, {payload}]");
    }
    String id = message.get(1).asText();
    String action = message.get(2).asText();
    JsonNode payload = message.get(3);
    ObjectNode result = JSON.createObjectNode();
    switch (action) {
      case "BootNotification" -> result.put("status", "Accepted").put("currentTime", now()).put("interval", HEARTBEAT_INTERVAL_S);
      case "Heartbeat" -> result.put("currentTime", now());
      case "Authorize", "StopTransaction" -> result.set("idTagInfo", accepted());
      case "StartTransaction" -> {
        result.put("transactionId", nextTransactionId.getAndIncrement());
        result.set("idTagInfo", accepted());
      }
      case "StatusNotification", "MeterValues", "DiagnosticsStatusNotification", "FirmwareStatusNotification" -> { }
      case "DataTransfer" -> result.put("status", "UnknownVendorId");
      default -> {
        return callError(id, "NotImplemented", "the demo central system does not handle " + action);
      }
    }
    observer.accept(new Answered(action, payload));
    ArrayNode reply = JSON.createArrayNode().add(CALL_RESULT).add(id);
    reply.add(result);
    return reply.toString();
  }

  private static ObjectNode accepted() {
    return JSON.createObjectNode().put("status", "Accepted");
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static String callError(String id, String code, String description) {
    return JSON.createArrayNode().add(CALL_ERROR).add(id).add(code).add(description).add(JSON.createObjectNode()).toString();
  }

  private final class Server extends WebSocketServer {
    final CompletableFuture<Void> started = new CompletableFuture<>();

    Server() {
      super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
          List.of(new Draft_6455(List.of(), List.of(new Protocol("ocpp1.6")))));
      setReuseAddr(true);
      setDaemon(true);
    }

    @Override
    public void onStart() {
      started.complete(null);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      LOG.log(Level.DEBUG, "charge point connected: {0}", handshake.getResourceDescriptor());
    }

    @Override
    public void onMessage(WebSocket conn, String frame) {
      answer(frame).ifPresent(conn::send);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer frame) {
      conn.send(callError("-1", "FormationViolation", "OCPP-J frames are text"));
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      LOG.log(Level.DEBUG, "charge point disconnected: {0} {1}", code, reason);
    }

    @Override
    public void onError(WebSocket conn, Exception e) {
      if (!started.isDone()) {
        started.completeExceptionally(e);
      } else {
        LOG.log(Level.WARNING, "demo central system: " + e.getMessage(), e);
      }
    }
  }
}
