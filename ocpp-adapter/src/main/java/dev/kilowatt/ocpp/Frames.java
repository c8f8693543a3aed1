package dev.kilowatt.ocpp;

import static dev.kilowatt.core.port.CallError.Code.FORMATION_VIOLATION;
import static dev.kilowatt.core.port.CallError.Code.PROTOCOL_ERROR;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kilowatt.core.port.CallError;
import java.util.Optional;

/**
 * The OCPP-J RPC envelope (OCPP-J 1.6 section 4): {@code [2, id, action, payload]},
 * {@code [3, id, payload]} and {@code [4, id, code, description, details]}. Parsing classifies every
 * text frame, naming for a broken one the CALLERROR it deserves and whatever unique id can be read.
 */
final class Frames {

  private static final int CALL = 2;
  private static final int CALL_RESULT = 3;
  private static final int CALL_ERROR = 4;

  /** OCPP-J 1.6 section 4.1.4. */
  private static final int MAX_ID_LENGTH = 36;

  /** A classified inbound text frame. */
  sealed interface Frame {
  }

  /** A CALL with the envelope right; the payload is still to be checked against its action. */
  record Call(String id, String action, ObjectNode payload) implements Frame {
  }

  /** A CALLRESULT with the envelope right; the payload is still to be checked. */
  record Result(String id, ObjectNode payload) implements Frame {
  }

  /** A CALLERROR. */
  record Failure(String id, CallError error) implements Frame {
  }

  /**
   * A frame that is not a well-formed OCPP-J message.
   *
   * @param id the unique id, if one could be read
   * @param intent what the frame meant to be, which decides whether and how it can be answered
   * @param problem the CALLERROR this frame deserves
   */
  record Broken(Optional<String> id, Intent intent, CallError problem) implements Frame {
  }

  /** What a broken frame was meant to be. */
  enum Intent {
    /** A call (or a frame whose type cannot be read): answered with a CALLERROR if it has an id. */
    CALL,
    /** A CALLRESULT or CALLERROR: fails the call it answers, if that call is ours. */
    RESPONSE,
    /** A message type OCPP-J 1.6 does not define: ignored, as section 4.1.3 requires. */
    UNKNOWN
  }

  private final Payloads payloads;

  Frames(Payloads payloads) {
    this.payloads = payloads;
  }

  Frame parse(String text) {
    JsonNode tree;
    try {
      tree = payloads.parse(text);
    } catch (JsonProcessingException e) {
      return salvage(text, "not valid JSON: " + e.getOriginalMessage());
    }
    if (!tree.isArray() || tree.isEmpty()) {
      return new Broken(Optional.empty(), Intent.UNKNOWN, problem(FORMATION_VIOLATION, "not a non-empty JSON array"));
    }
    JsonNode type = tree.get(0);
    Optional<String> id = tree.size() > 1 && tree.get(1).isTextual() ? Optional.of(tree.get(1).textValue())
        : Optional.empty();
    if (!type.isIntegralNumber() || !type.canConvertToInt()) {
      return new Broken(id, Intent.CALL, problem(FORMATION_VIOLATION, "the message type must be an integer"));
    }
    return switch (type.intValue()) {
      case CALL -> call(tree, id);
      case CALL_RESULT -> result(tree, id);
      case CALL_ERROR -> failure(tree, id);
      default -> new Broken(id, Intent.UNKNOWN, problem(FORMATION_VIOLATION, "unknown message type " + type));
    };
  }

  private static Frame call(JsonNode tree, Optional<String> id) {
    if (id.isEmpty()) {
      return new Broken(id, Intent.CALL, problem(FORMATION_VIOLATION, "a CALL needs a string unique id"));
    }
    if (id.get().length() > MAX_ID_LENGTH) {
      return new Broken(id, Intent.CALL, problem(FORMATION_VIOLATION, "unique id longer than " + MAX_ID_LENGTH));
    }
    if (tree.size() < 4) {
      return new Broken(id, Intent.CALL, problem(PROTOCOL_ERROR, "incomplete CALL: " + tree.size() + " of 4 elements"));
    }
    if (tree.size() > 4) {
      return new Broken(id, Intent.CALL, problem(FORMATION_VIOLATION, "a CALL has 4 elements, not " + tree.size()));
    }
    if (!tree.get(2).isTextual()) {
      return new Broken(id, Intent.CALL, problem(FORMATION_VIOLATION, "the action must be a string"));
    }
    if (!tree.get(3).isObject()) {
      return new Broken(id, Intent.CALL, problem(FORMATION_VIOLATION, "the payload must be a JSON object"));
    }
    return new Call(id.get(), tree.get(2).textValue(), (ObjectNode) tree.get(3));
  }

  private static Frame result(JsonNode tree, Optional<String> id) {
    if (id.isEmpty()) {
      return new Broken(id, Intent.RESPONSE, problem(FORMATION_VIOLATION, "a CALLRESULT needs a string unique id"));
    }
    if (tree.size() < 3) {
      return new Broken(id, Intent.RESPONSE, problem(PROTOCOL_ERROR, "incomplete CALLRESULT: no payload"));
    }
    if (tree.size() > 3 || !tree.get(2).isObject()) {
      return new Broken(id, Intent.RESPONSE, problem(FORMATION_VIOLATION, "a CALLRESULT is [3, id, {payload}]"));
    }
    return new Result(id.get(), (ObjectNode) tree.get(2));
  }

  /** Lenient on the optional tail, since a CALLERROR only needs to say which call failed and why. */
  private static Frame failure(JsonNode tree, Optional<String> id) {
    if (id.isEmpty()) {
      return new Broken(id, Intent.RESPONSE, problem(FORMATION_VIOLATION, "a CALLERROR needs a string unique id"));
    }
    if (tree.size() < 3 || !tree.get(2).isTextual()) {
      return new Broken(id, Intent.RESPONSE, problem(PROTOCOL_ERROR, "a CALLERROR without an error code"));
    }
    String description = tree.path(3).isTextual() ? tree.get(3).textValue() : "";
    return new Failure(id.get(), new CallError(CallError.Code.fromOcpp(tree.get(2).textValue()), description));
  }

  /** Reads the message type and unique id from the start of a frame that does not parse as a whole. */
  private Frame salvage(String text, String why) {
    CallError problem = problem(FORMATION_VIOLATION, why);
    return payloads.frameStart(text).map(start -> {
      int type = start.messageType();
      Intent intent = type == CALL ? Intent.CALL
          : type == CALL_RESULT || type == CALL_ERROR ? Intent.RESPONSE : Intent.UNKNOWN;
      return new Broken(Optional.of(start.id()), intent, problem);
    }).orElseGet(() -> new Broken(Optional.empty(), Intent.UNKNOWN, problem));
  }

  private static CallError problem(CallError.Code code, String description) {
    return new CallError(code, description);
  }

  String call(String id, String action, ObjectNode payload) {
    return payloads.callFrame(id, action, payload);
  }

  String result(String id, ObjectNode payload) {
    return payloads.resultFrame(id, payload);
  }

  String error(String id, CallError error) {
    return payloads.errorFrame(id, error.code().ocppValue(), error.description());
  }
}
