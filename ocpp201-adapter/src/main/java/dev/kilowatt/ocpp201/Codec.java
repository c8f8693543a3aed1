package dev.kilowatt.ocpp201;

import static dev.kilowatt.ocpp201.ErrorCode.FORMAT_VIOLATION;
import static dev.kilowatt.ocpp201.ErrorCode.INTERNAL_ERROR;
import static dev.kilowatt.ocpp201.ErrorCode.NOT_IMPLEMENTED;
import static dev.kilowatt.ocpp201.ErrorCode.NOT_SUPPORTED;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kilowatt.ocpp.PayloadSchemas;
import dev.kilowatt.ocpp.Payloads;
import dev.kilowatt.ocpp.Violation;
import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCPP 2.0.1 messages as OCPP-J text. Every inbound frame is classified, its payload checked against the
 * OCA schema of its action and bound to a record, or turned into the CALLERROR it deserves. Outbound,
 * unlike the 1.6 adapter, a payload that breaks its schema never leaves: a call fails locally with the
 * breach's error code, an answer is replaced by an InternalError (the station, not the CSMS, is at fault).
 */
final class Codec {

  private static final Logger LOG = LoggerFactory.getLogger(Codec.class);
  private static final int VIOLATIONS_DESCRIBED = 3;

  /** The OCA's 2.0.1 schemas, one pair of files per action of the specification. */
  static final PayloadSchemas SCHEMAS = PayloadSchemas.inFolder(Codec.class, "schemas/");

  /** What an inbound frame amounts to. */
  sealed interface Inbound {
  }

  /** A valid call from the CSMS, for the station to answer. */
  record CallReceived(String callId, Request<?> request) implements Inbound {
  }

  /** A valid answer to one of the station's calls. */
  record ResultReceived(String callId, Response response) implements Inbound {
  }

  /** One of the station's calls failed: a CALLERROR, or an answer that breaks its schema or envelope. */
  record CallFailed(String callId, RpcError error) implements Inbound {
  }

  /** A frame the link answers itself with this CALLERROR; it never reaches the station. */
  record Refused(String callId, RpcError error) implements Inbound {
  }

  /** A response to no pending call of the station's: logged and counted, not answered. */
  record Ignored(String reason) implements Inbound {
  }

  private final Payloads payloads = Payloads.skippingUnmodelledProperties();
  private final Envelope envelope = new Envelope(payloads);
  private final Map<String, Action> pending = new ConcurrentHashMap<>();

  Inbound decode(String text) {
    return switch (envelope.parse(text)) {
      case Envelope.Call call -> call(call);
      case Envelope.Result result -> result(result);
      case Envelope.Failure failure -> answering(failure.id(), failure.error());
      case Envelope.BrokenResponse broken -> answering(broken.id(), broken.error());
      case Envelope.Refused refused -> new Refused(refused.id(), refused.error());
    };
  }

  private Inbound call(Envelope.Call call) {
    Optional<Action> known = Action.named(call.action());
    if (known.isEmpty()) {
      // NotImplemented is "not known by the receiver"; an action of the specification this adapter does
      // not handle yet is "recognised but not supported": its schema is among the OCA's files.
      return recognised(call.action())
          ? new Refused(call.id(), new RpcError(NOT_SUPPORTED, call.action() + " is not supported yet"))
          : new Refused(call.id(), new RpcError(NOT_IMPLEMENTED, "unknown action " + call.action()));
    }
    Action action = known.get();
    if (!action.sender().csms()) {
      return new Refused(call.id(), new RpcError(NOT_SUPPORTED, action.wireName() + " is sent by stations only"));
    }
    List<Violation> violations = SCHEMAS.validate(action.requestSchema(), call.payload());
    if (!violations.isEmpty()) {
      return new Refused(call.id(), describe(violations));
    }
    try {
      return new CallReceived(call.id(), (Request<?>) payloads.fromJson(call.payload(), action.requestType()));
    } catch (IllegalArgumentException e) {
      return new Refused(call.id(), new RpcError(FORMAT_VIOLATION, "payload does not bind: " + e.getMessage()));
    }
  }

  private static boolean recognised(String action) {
    return Codec.class.getResource("schemas/" + action + "Request.json") != null;
  }

  private Inbound result(Envelope.Result result) {
    Action action = pending.remove(result.id());
    if (action == null) {
      return new Ignored("a CALLRESULT for " + result.id() + ", which is no pending call");
    }
    List<Violation> violations = SCHEMAS.validate(action.responseSchema(), result.payload());
    if (!violations.isEmpty()) {
      return new CallFailed(result.id(), describe(violations));
    }
    try {
      return new ResultReceived(result.id(), payloads.fromJson(result.payload(), action.responseType()));
    } catch (IllegalArgumentException e) {
      return new CallFailed(result.id(), new RpcError(FORMAT_VIOLATION, "payload does not bind: " + e.getMessage()));
    }
  }

  private Inbound answering(String callId, RpcError error) {
    return pending.remove(callId) != null
        ? new CallFailed(callId, error)
        : new Ignored("a CALLERROR or broken answer for " + callId + ", which is no pending call");
  }

  /**
   * The CALL frame of {@code request}; its answer is expected once {@link #sent} says it left.
   *
   * @throws RpcError.RpcException with the breach's code if the payload breaks its schema
   */
  String encodeCall(String callId, Request<?> request) {
    Action action = Action.of(request);
    ObjectNode payload = payloads.toJson(request);
    List<Violation> violations = SCHEMAS.validate(action.requestSchema(), payload);
    if (!violations.isEmpty()) {
      RpcError error = describe(violations);
      LOG.warn("not sending a {} that breaks its schema: {}", action.wireName(), error.description());
      throw error.failure();
    }
    return envelope.call(callId, action.wireName(), payload);
  }

  /** The call went out: an answer with its id is read as the answer to {@code action}. */
  void sent(String callId, Action action) {
    pending.put(callId, action);
  }

  /** The CALLRESULT frame of {@code response}, or an InternalError CALLERROR if it breaks its schema. */
  String encodeResult(String callId, Response response) {
    Action action = Action.answeredBy(response).orElseThrow();
    ObjectNode payload = payloads.toJson(response);
    List<Violation> violations = SCHEMAS.validate(action.responseSchema(), payload);
    if (!violations.isEmpty()) {
      String why = describe(violations).description();
      LOG.warn("answering call {} with InternalError: our {} answer breaks its schema: {}",
          callId, action.wireName(), why);
      return encodeError(callId, new RpcError(INTERNAL_ERROR, "the station's answer was invalid: " + why));
    }
    return envelope.result(callId, payload);
  }

  String encodeError(String callId, RpcError error) {
    return envelope.error(callId, error);
  }

  /** Forgets a call whose answer can no longer come: its connection is gone. */
  void forget(String callId) {
    pending.remove(callId);
  }

  private static RpcError describe(List<Violation> violations) {
    return new RpcError(ErrorCode.ofBreach(violations.getFirst().code()), Violation.summary(violations, VIOLATIONS_DESCRIBED));
  }
}
