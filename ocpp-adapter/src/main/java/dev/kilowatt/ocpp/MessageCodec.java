package dev.kilowatt.ocpp;

import static dev.kilowatt.core.port.CallError.Code.FORMATION_VIOLATION;
import static dev.kilowatt.core.port.CallError.Code.NOT_IMPLEMENTED;
import static dev.kilowatt.core.port.CallError.Code.NOT_SUPPORTED;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kilowatt.core.message.Action;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCPP 1.6 messages as OCPP-J text. Every inbound frame is classified, its payload validated against the
 * schema of its action and bound to the core's records, or it is turned into the CALLERROR it deserves;
 * outbound messages are encoded and checked against the same schemas (a breach is logged and counted,
 * and the message still goes out, because the central system's verdict is what the domain acts on).
 */
final class MessageCodec {

  private static final Logger LOG = LoggerFactory.getLogger(MessageCodec.class);
  private static final int VIOLATIONS_DESCRIBED = 3;

  /** What an inbound frame amounts to. */
  sealed interface Inbound {
  }

  /** A valid call from the central system, for the domain to answer. */
  record CallReceived(String callId, CentralSystemRequest<?> request) implements Inbound {
  }

  /** A valid answer to one of our calls. */
  record ResultReceived(String callId, Response response) implements Inbound {
  }

  /** One of our calls failed: a CALLERROR, or an answer that breaks its schema. */
  record CallFailed(String callId, CallError error) implements Inbound {
  }

  /** A call the adapter itself answers with this CALLERROR; it never reaches the domain. */
  record Refused(String callId, CallError error) implements Inbound {
  }

  /** A frame that can be neither answered nor matched to one of our calls. */
  record Ignored(String reason) implements Inbound {
  }

  private final Schemas schemas;
  private final Counters counters;
  private final Payloads payloads;
  private final Frames frames;
  private final PendingCalls pending = new PendingCalls();
  private final Map<Class<? extends Response>, Action> actionByResponse = new HashMap<>();

  MessageCodec(Schemas schemas, Counters counters) {
    this(schemas, counters, new Payloads());
  }

  /**
   * A codec on a Jackson binding shared with other links: a fleet of thousands of links in one process
   * cannot afford a mapper and its caches each. A configured mapper is thread-safe.
   */
  MessageCodec(Schemas schemas, Counters counters, Payloads payloads) {
    this.schemas = schemas;
    this.counters = counters;
    this.payloads = payloads;
    this.frames = new Frames(payloads);
    for (Action action : Action.values()) {
      actionByResponse.put(action.responseType(), action);
    }
  }

  Inbound decode(String text) {
    Inbound inbound = switch (frames.parse(text)) {
      case Frames.Call call -> call(call);
      case Frames.Result result -> result(result);
      case Frames.Failure failure -> pending.take(failure.id())
          .<Inbound>map(action -> new CallFailed(failure.id(), failure.error()))
          .orElseGet(() -> unknownResponse(failure.id()));
      case Frames.Broken broken -> broken(broken);
    };
    switch (inbound) {
      case Refused refused -> {
        counters.count(refused.error().code());
        LOG.warn("answering call {} with {}: {}",
            refused.callId(), refused.error().code().ocppValue(), refused.error().description());
      }
      case Ignored ignored -> LOG.warn("ignoring a frame: {}", ignored.reason());
      default -> { }
    }
    return inbound;
  }

  private Inbound call(Frames.Call call) {
    Optional<Action> known = Action.byOcppName(call.action());
    if (known.isEmpty()) {
      return new Refused(call.id(), new CallError(NOT_IMPLEMENTED, "unknown action " + call.action()));
    }
    Action action = known.get();
    if (!action.sentByCentralSystem()) {
      return new Refused(call.id(), new CallError(NOT_SUPPORTED, action.ocppName() + " is sent by charge points only"));
    }
    List<Violation> violations = schemas.request(action).validate(call.payload());
    if (!violations.isEmpty()) {
      return new Refused(call.id(), describe(violations));
    }
    try {
      Object request = payloads.fromJson(call.payload(), action.requestType());
      return new CallReceived(call.id(), (CentralSystemRequest<?>) request);
    } catch (IllegalArgumentException e) {
      return new Refused(call.id(), new CallError(FORMATION_VIOLATION, "payload does not bind: " + e.getMessage()));
    }
  }

  private Inbound result(Frames.Result result) {
    Optional<Action> action = pending.take(result.id());
    if (action.isEmpty()) {
      return unknownResponse(result.id());
    }
    List<Violation> violations = schemas.response(action.get()).validate(result.payload());
    if (!violations.isEmpty()) {
      return invalidResult(result.id(), describe(violations));
    }
    try {
      return new ResultReceived(result.id(), payloads.fromJson(result.payload(), action.get().responseType()));
    } catch (IllegalArgumentException e) {
      return invalidResult(result.id(), new CallError(FORMATION_VIOLATION, "payload does not bind: " + e.getMessage()));
    }
  }

  private Inbound broken(Frames.Broken broken) {
    if (broken.id().isEmpty() || broken.intent() == Frames.Intent.UNKNOWN) {
      counters.count(Counters.UNANSWERABLE_FRAMES);
      return new Ignored(broken.problem().description());
    }
    String id = broken.id().get();
    if (broken.intent() == Frames.Intent.CALL) {
      return new Refused(id, broken.problem());
    }
    return pending.take(id).isPresent() ? invalidResult(id, broken.problem()) : unknownResponse(id);
  }

  private Inbound invalidResult(String callId, CallError error) {
    counters.count(Counters.INVALID_CALL_RESULTS);
    LOG.warn("the answer to call {} is invalid: {}", callId, error.description());
    return new CallFailed(callId, error);
  }

  private Inbound unknownResponse(String callId) {
    counters.count(Counters.UNKNOWN_RESPONSES);
    return new Ignored("an answer to " + callId + ", which is not a pending call of ours");
  }

  private static CallError describe(List<Violation> violations) {
    return new CallError(violations.getFirst().code(), Violation.summary(violations, VIOLATIONS_DESCRIBED));
  }

  /** The CALL frame of {@code request}; its answer will be decoded as the answer to that action. */
  String encodeCall(String callId, ChargePointRequest<?> request) {
    Action action = request.action();
    ObjectNode payload = checked(payloads.toJson(request), schemas.request(action), action.ocppName());
    pending.add(callId, action);
    return frames.call(callId, action.ocppName(), payload);
  }

  String encodeResult(String callId, Response response) {
    Action action = actionByResponse.get(response.getClass());
    ObjectNode payload =
        checked(payloads.toJson(response), schemas.response(action), action.ocppName() + ".conf");
    return frames.result(callId, payload);
  }

  String encodeError(String callId, CallError error) {
    return frames.error(callId, error);
  }

  /** Forgets a call whose frame never left, or all calls once the connection that carried them is gone. */
  void forget(String callId) {
    pending.take(callId);
  }

  void forgetAll() {
    pending.clear();
  }

  private ObjectNode checked(ObjectNode payload, Schema schema, String what) {
    List<Violation> violations = schema.validate(payload);
    if (!violations.isEmpty()) {
      counters.count(Counters.INVALID_OUTBOUND);
      LOG.warn("sending a {} that breaks its schema: {}", what, describe(violations).description());
    }
    return payload;
  }
}
