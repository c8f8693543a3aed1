package dev.kilowatt.ocpp201;

import static dev.kilowatt.ocpp201.ErrorCode.FORMAT_VIOLATION;
import static dev.kilowatt.ocpp201.ErrorCode.MESSAGE_TYPE_NOT_SUPPORTED;
import static dev.kilowatt.ocpp201.ErrorCode.RPC_FRAMEWORK_ERROR;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kilowatt.ocpp.Payloads;
import java.util.Optional;

/**
 * The OCPP-J 2.0.1 RPC envelope (part 4, "RPC Framework"): {@code [2, id, action, payload]},
 * {@code [3, id, payload]} and {@code [4, id, code, description, details]}. Every inbound text frame is
 * classified; a broken one is named with the CALLERROR it deserves and whatever id can be read.
 *
 * <p>Part 4's rules for a frame that is not a valid RPC message: one whose message id cannot be read is
 * answered with a CALLERROR whose message id is "-1"; an RPC structure that is wrong (not an array, a
 * type or id of the wrong JSON type, a CALL without its action) is a RpcFrameworkError; a message type
 * number outside 2, 3 and 4 (CALLRESULTERROR and SEND exist only from OCPP 2.1 on) is a
 * MessageTypeNotSupported; a payload that is not a JSON object is a FormatViolation.
 */
final class Envelope {

  static final int CALL = 2;
  static final int CALL_RESULT = 3;
  static final int CALL_ERROR = 4;

  /** The id a CALLERROR carries when the message id of the frame it answers cannot be read. */
  static final String UNREADABLE_ID = "-1";

  /** Part 4: a message id is a string of at most 36 characters. */
  static final int MAX_ID_LENGTH = 36;

  private static final int MAX_DESCRIPTION_LENGTH = 255;

  /** A classified inbound frame. */
  sealed interface Frame {
  }

  /** A CALL with its envelope right; its payload is still to be checked against the action. */
  record Call(String id, String action, ObjectNode payload) implements Frame {
  }

  /** A CALLRESULT with its envelope right. */
  record Result(String id, ObjectNode payload) implements Frame {
  }

  /** A CALLERROR. */
  record Failure(String id, RpcError error) implements Frame {
  }

  /** A frame to answer with this CALLERROR (its id is "-1" when the frame's own could not be read). */
  record Refused(String id, RpcError error) implements Frame {
  }

  /** A CALLRESULT or CALLERROR with a readable id but a broken envelope: it fails the call it answers. */
  record BrokenResponse(String id, RpcError error) implements Frame {
  }

  private final Payloads payloads;

  Envelope(Payloads payloads) {
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
      return refuse(Optional.empty(), RPC_FRAMEWORK_ERROR, "an OCPP-J message is a non-empty JSON array");
    }
    Optional<String> id = tree.path(1).isTextual() ? Optional.of(tree.get(1).textValue()) : Optional.empty();
    JsonNode type = tree.get(0);
    if (!type.isIntegralNumber() || !type.canConvertToInt()) {
      return refuse(id, RPC_FRAMEWORK_ERROR, "the message type must be an integer");
    }
    int messageType = type.intValue();
    if (messageType != CALL && messageType != CALL_RESULT && messageType != CALL_ERROR) {
      return refuse(id, MESSAGE_TYPE_NOT_SUPPORTED, "message type " + messageType + " is not one of OCPP-J 2.0.1");
    }
    if (id.isEmpty()) {
      return refuse(id, RPC_FRAMEWORK_ERROR, "the message id must be a string");
    }
    if (id.get().length() > MAX_ID_LENGTH) {
      return refuse(id, RPC_FRAMEWORK_ERROR, "message id longer than " + MAX_ID_LENGTH + " characters");
    }
    return switch (messageType) {
      case CALL -> call(tree, id.get());
      case CALL_RESULT -> result(tree, id.get());
      default -> failure(tree, id.get());
    };
  }

  private static Frame call(JsonNode tree, String id) {
    if (tree.size() != 4) {
      return refuse(Optional.of(id), RPC_FRAMEWORK_ERROR, "a CALL has 4 elements, not " + tree.size());
    }
    if (!tree.get(2).isTextual()) {
      return refuse(Optional.of(id), RPC_FRAMEWORK_ERROR, "the action must be a string");
    }
    if (!tree.get(3).isObject()) {
      return refuse(Optional.of(id), FORMAT_VIOLATION, "the payload must be a JSON object");
    }
    return new Call(id, tree.get(2).textValue(), (ObjectNode) tree.get(3));
  }

  private static Frame result(JsonNode tree, String id) {
    if (tree.size() != 3) {
      return new BrokenResponse(id, new RpcError(RPC_FRAMEWORK_ERROR, "a CALLRESULT has 3 elements, not " + tree.size()));
    }
    if (!tree.get(2).isObject()) {
      return new BrokenResponse(id, new RpcError(FORMAT_VIOLATION, "the payload must be a JSON object"));
    }
    return new Result(id, (ObjectNode) tree.get(2));
  }

  /** Lenient on the optional tail: a CALLERROR only needs to say which call failed and how. */
  private static Frame failure(JsonNode tree, String id) {
    if (!tree.path(2).isTextual()) {
      return new BrokenResponse(id, new RpcError(RPC_FRAMEWORK_ERROR, "a CALLERROR without an error code"));
    }
    String description = tree.path(3).isTextual() ? tree.get(3).textValue() : "";
    return new Failure(id, new RpcError(ErrorCode.fromWire(tree.get(2).textValue()), description));
  }

  /** Reads the message type and id from the start of a frame that does not parse as a whole. */
  private Frame salvage(String text, String why) {
    Optional<Payloads.FrameStart> start = payloads.frameStart(text);
    if (start.isEmpty()) {
      // the frame breaks before its id: answered under "-1"
      return refuse(Optional.empty(), RPC_FRAMEWORK_ERROR, why);
    }
    int type = start.get().messageType();
    return type == CALL_RESULT || type == CALL_ERROR
        ? new BrokenResponse(start.get().id(), new RpcError(RPC_FRAMEWORK_ERROR, why))
        : refuse(Optional.of(start.get().id()), RPC_FRAMEWORK_ERROR, why);
  }

  private static Refused refuse(Optional<String> id, ErrorCode code, String description) {
    return new Refused(id.orElse(UNREADABLE_ID), new RpcError(code, description));
  }

  String call(String id, String action, ObjectNode payload) {
    return payloads.callFrame(id, action, payload);
  }

  String result(String id, ObjectNode payload) {
    return payloads.resultFrame(id, payload);
  }

  /** Part 4 gives the description at most 255 characters. */
  String error(String id, RpcError error) {
    String description = error.description();
    if (description.length() > MAX_DESCRIPTION_LENGTH) {
      description = description.substring(0, MAX_DESCRIPTION_LENGTH - 3) + "...";
    }
    return payloads.errorFrame(id, error.code().wireValue(), description);
  }
}
