package dev.kilowatt.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the demo central system answers to the calls a charge point makes: it accepts every charge point and
 * card, hands out transaction ids counting from 1, and acknowledges everything else of the Core profile.
 * It also makes calls of its own ({@link #call}) and routes their answers back. Not a real back office: it
 * keeps nothing.
 */
final class DemoBackOffice {

  private static final Logger LOG = LoggerFactory.getLogger(DemoBackOffice.class);
  static final ObjectMapper JSON = new ObjectMapper();
  static final int CALL = 2;
  static final int CALL_RESULT = 3;
  static final int CALL_ERROR = 4;
  /** Long enough that no Heartbeat interrupts a demo session. */
  private static final int HEARTBEAT_INTERVAL_S = 300;

  /**
   * A call the back office answered.
   *
   * @param action the OCPP action
   * @param payload the charge point's request
   * @param result the payload of the back office's answer
   */
  record Answered(String action, JsonNode payload, JsonNode result) {
    boolean is(String name) {
      return action.equals(name);
    }

    /** Whether this is a StatusNotification of {@code connectorId} with {@code status}. */
    boolean isStatus(int connectorId, String status) {
      return is("StatusNotification") && payload.path("connectorId").asInt() == connectorId
          && payload.path("status").asText().equals(status);
    }
  }

  private final Consumer<Answered> observer;
  private final AtomicInteger nextTransactionId = new AtomicInteger(1);
  private final AtomicInteger nextCallId = new AtomicInteger(1);
  /** Our calls still unanswered, by unique id: the answer's payload, or a failure for a CALLERROR. */
  private final Map<String, CompletableFuture<JsonNode>> unanswered = new ConcurrentHashMap<>();

  /** @param observer hears each call as it is answered */
  DemoBackOffice(Consumer<Answered> observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /**
   * A CALL of the central system to send to the charge point; {@code answer} completes with the payload of
   * its CALLRESULT, or fails with its CALLERROR, when {@link #answer} is given the charge point's reply.
   */
  String call(String action, ObjectNode payload, CompletableFuture<JsonNode> answer) {
    String id = "cs-" + nextCallId.getAndIncrement();
    unanswered.put(id, answer);
    return JSON.createArrayNode().add(CALL).add(id).add(action).add(payload).toString();
  }

  /**
   * Answers one frame: a CALLRESULT or CALLERROR for a CALL, handed to {@code send}, and only then told to the
   * observer, so that whatever the observer's listeners send next goes out after the answer; nothing for a reply
   * to one of our own calls, which completes that call instead.
   */
  void answer(String frame, Consumer<String> send) {
    JsonNode message;
    try {
      message = JSON.readTree(frame);
    } catch (JsonProcessingException e) {
      send.accept(callError("-1", "FormationViolation", "not JSON"));
      return;
    }
    if (message.isArray() && !message.isEmpty() && (message.get(0).asInt() == CALL_RESULT || message.get(0).asInt() == CALL_ERROR)) {
      CompletableFuture<JsonNode> awaited = unanswered.remove(message.path(1).asText());
      if (awaited == null) {
        LOG.warn("ignoring an answer to a call never made: {}", frame);
      } else if (message.get(0).asInt() == CALL_RESULT) {
        awaited.complete(message.path(2));
      } else {
        awaited.completeExceptionally(new IllegalStateException("CALLERROR " + message.path(2).asText() + ": "
            + message.path(3).asText()));
      }
      return;
    }
    answerCall(message, send);
  }

  private void answerCall(JsonNode message, Consumer<String> send) {
    if (!message.isArray() || message.size() != 4 || message.get(0).asInt() != CALL || !message.get(1).isTextual()
        || !message.get(2).isTextual() || !message.get(3).isObject()) {
      String id = message.isArray() && message.size() > 1 && message.get(1).isTextual() ? message.get(1).asText() : "-1";
      send.accept(callError(id, "FormationViolation", "expected [2, id, action, {payload}]"));
      return;
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
      case "StatusNotification", "MeterValues", "DiagnosticsStatusNotification", "FirmwareStatusNotification",
          "SecurityEventNotification" -> { }
      case "DataTransfer" -> result.put("status", "UnknownVendorId");
      default -> {
        send.accept(callError(id, "NotImplemented", "the demo central system does not handle " + action));
        return;
      }
    }
    ArrayNode reply = JSON.createArrayNode().add(CALL_RESULT).add(id);
    reply.add(result);
    send.accept(reply.toString());
    observer.accept(new Answered(action, payload, result));
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
}
