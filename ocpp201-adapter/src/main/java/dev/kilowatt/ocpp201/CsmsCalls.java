package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChangeAvailabilityResponse;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.MessageTrigger;
import dev.kilowatt.core.message.RemoteStartStopStatus;
import dev.kilowatt.core.message.RemoteStartTransactionRequest;
import dev.kilowatt.core.message.RemoteStartTransactionResponse;
import dev.kilowatt.core.message.RemoteStopTransactionRequest;
import dev.kilowatt.core.message.RemoteStopTransactionResponse;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.message.TriggerMessageResponse;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.ocpp201.Enums.RequestStartStopStatus;
import dev.kilowatt.ocpp201.Enums.ResetStatus;
import dev.kilowatt.ocpp201.Enums.TriggerMessageStatus;
import dev.kilowatt.ocpp201.Messages.ChangeAvailabilityRequest;
import dev.kilowatt.ocpp201.Messages.GetVariablesRequest;
import dev.kilowatt.ocpp201.Messages.GetVariablesResponse;
import dev.kilowatt.ocpp201.Messages.RequestStartTransactionRequest;
import dev.kilowatt.ocpp201.Messages.RequestStartTransactionResponse;
import dev.kilowatt.ocpp201.Messages.RequestStopTransactionRequest;
import dev.kilowatt.ocpp201.Messages.RequestStopTransactionResponse;
import dev.kilowatt.ocpp201.Messages.ResetRequest;
import dev.kilowatt.ocpp201.Messages.ResetResponse;
import dev.kilowatt.ocpp201.Messages.SetVariablesRequest;
import dev.kilowatt.ocpp201.Messages.SetVariablesResponse;
import dev.kilowatt.ocpp201.Messages.TriggerMessageRequest;
import dev.kilowatt.ocpp201.Types.Evse;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The CSMS's 2.0.1 calls as the core's 1.6-shaped calls, and the core's answers as the 2.0.1 answer.
 *
 * <table>
 *   <caption>what each call of the CSMS becomes</caption>
 *   <tr><th>OCPP 2.0.1</th><th>core (1.6 shape)</th></tr>
 *   <tr><td>RequestStartTransaction</td><td>RemoteStartTransaction on connector evseId with the IdToken as
 *       idTag; the remoteStartId and the IdToken's type, which the core cannot carry, wait in
 *       {@link RemoteStarts} for the Started event; a charging profile is not passed on yet (block K); an
 *       IdToken longer than a 1.6 idTag (20) is Rejected</td></tr>
 *   <tr><td>RequestStopTransaction</td><td>RemoteStopTransaction of the core's id ({@link TransactionIds});
 *       an id this station did not make is Rejected; one whose Started event is unanswered waits for the answer
 *       ({@link StartsInFlight})</td></tr>
 *   <tr><td>Reset Immediate</td><td>Reset Hard (transactions end with ImmediateReset)</td></tr>
 *   <tr><td>Reset OnIdle</td><td>Reset Soft at once when no transaction is open; else answered Scheduled and
 *       sent once the last Ended event is answered (part 2 B12: an OnIdle reset waits for transactions to
 *       end, never ends them). A reset of one EVSE is Rejected: the core resets the whole station</td></tr>
 *   <tr><td>TriggerMessage BootNotification, Heartbeat, StatusNotification, MeterValues</td><td>TriggerMessage
 *       of the same, for connector evse.id (the core's triggered MeterValues of a connector whose transaction runs
 *       carries it, and so goes as a TransactionEvent Updated with triggerReason Trigger); TransactionEvent: see
 *       {@link ServiceCalls}; FirmwareStatusNotification, LogStatusNotification: see {@link FirmwareCalls};
 *       SignChargingStationCertificate: see {@link CertificateCalls}; any other message NotImplemented</td></tr>
 *   <tr><td>ChangeAvailability</td><td>ChangeAvailability of connector evse.id, of connector 0 (the whole
 *       station) without an EVSE</td></tr>
 *   <tr><td>GetVariables, SetVariables</td><td>GetConfiguration, one ChangeConfiguration per variable, for
 *       the variables {@link Variables} maps; TxCtrlr's TxStartPoint and TxStopPoint without the core
 *       ({@link TxPoints})</td></tr>
 *   <tr><td>UnlockConnector, DataTransfer, GetTransactionStatus</td><td>see {@link ServiceCalls}</td></tr>
 *   <tr><td>ClearCache, SendLocalList, GetLocalListVersion</td><td>see {@link LocalAuthCalls}</td></tr>
 *   <tr><td>GetBaseReport</td><td>see {@link Reports}</td></tr>
 *   <tr><td>UpdateFirmware, GetLog</td><td>see {@link FirmwareCalls}</td></tr>
 * </table>
 */
final class CsmsCalls {

  /** A 1.6 idTag's length (CiString20Type). */
  static final int ID_TAG_LENGTH = 20;

  /**
   * The core's calls one 2.0.1 call takes, none for one answered at the edge, how their answers, in the same
   * order, make the 2.0.1 answer, what the station does once that answer has gone (sends a report), and the
   * answer a CALLERROR of the core becomes instead of the same CALLERROR to the CSMS (empty: passed on).
   */
  record Exchange(List<CentralSystemRequest<?>> requests, Function<List<Response>, Messages.Response> answer,
      Runnable then, Function<CallError, Optional<Messages.Response>> refused) {
    Exchange {
      requests = List.copyOf(requests);
    }

    Exchange(List<CentralSystemRequest<?>> requests, Function<List<Response>, Messages.Response> answer, Runnable then) {
      this(requests, answer, then, error -> Optional.empty());
    }

    Exchange(List<CentralSystemRequest<?>> requests, Function<List<Response>, Messages.Response> answer) {
      this(requests, answer, () -> { });
    }

    /** {@return this exchange, a CALLERROR of the core becoming the answer {@code refused} gives, if it gives one} */
    Exchange whenRefused(Function<CallError, Optional<Messages.Response>> instead) {
      return new Exchange(requests, answer, then, instead);
    }

    static Exchange local(Messages.Response response) {
      return new Exchange(List.of(), none -> response);
    }

    @SuppressWarnings("unchecked")
    static <R extends Response> Exchange one(CentralSystemRequest<R> request, Function<R, Messages.Response> answer) {
      return new Exchange(List.of(request), answers -> answer.apply((R) answers.getFirst()));
    }
  }

  private final RemoteStarts remoteStarts;
  private final StationMessages station;
  private final IdleReset idleReset;
  private final TxPoints txPoints;

  /** Resets the station once no transaction is open; answers whether it had to wait. */
  interface IdleReset {
    boolean resetWhenIdle();
  }

  CsmsCalls(RemoteStarts remoteStarts, StationMessages station, IdleReset idleReset, TxPoints txPoints) {
    this.remoteStarts = remoteStarts;
    this.station = station;
    this.idleReset = idleReset;
    this.txPoints = txPoints;
  }

  /**
   * The station's id of the transaction {@code request} is about, for a call that must wait until the core
   * knows that transaction ({@link StartsInFlight}); empty for any other call.
   */
  static Optional<String> transactionNamed(Messages.Request<?> request) {
    return request instanceof RequestStopTransactionRequest stop ? Optional.of(stop.transactionId()) : Optional.empty();
  }

  /** The exchange for {@code request}, or empty for a call the station does not handle yet. */
  Optional<Exchange> translate(Messages.Request<?> request) {
    return Optional.ofNullable(switch (request) {
      case RequestStartTransactionRequest start -> start(start);
      case RequestStopTransactionRequest stop -> TransactionIds.core(stop.transactionId())
          .map(id -> Exchange.one(new RemoteStopTransactionRequest(id),
              (RemoteStopTransactionResponse answer) -> new RequestStopTransactionResponse(
                  startStop(answer.status()), Optional.empty())))
          .orElseGet(() -> Exchange.local(new RequestStopTransactionResponse(RequestStartStopStatus.Rejected,
              Optional.of(new StatusInfo("UnknownTransaction", Optional.empty())))));
      case ResetRequest reset -> reset(reset);
      // a triggered TransactionEvent depends on the core's running transactions: ServiceCalls routes it;
      // a triggered SignChargingStationCertificate is the core's ExtendedTriggerMessage: CertificateCalls routes it
      case TriggerMessageRequest trigger -> switch (trigger.requestedMessage()) {
        case TransactionEvent, SignChargingStationCertificate -> null;
        default -> FirmwareCalls.trigger(trigger.requestedMessage()).orElseGet(() -> trigger(trigger));
      };
      case ChangeAvailabilityRequest change -> Exchange.one(
          new dev.kilowatt.core.message.ChangeAvailabilityRequest(change.evse().map(Evse::id).orElse(0),
              change.operationalStatus() == Enums.OperationalStatus.Operative
                  ? AvailabilityType.OPERATIVE : AvailabilityType.INOPERATIVE),
          (ChangeAvailabilityResponse answer) -> new Messages.ChangeAvailabilityResponse(
              Enums.ChangeAvailabilityStatus.valueOf(answer.status().ocppValue()), Optional.empty()));
      case GetVariablesRequest get -> getVariables(get);
      case SetVariablesRequest set -> setVariables(set);
      default -> null;
    });
  }

  private Exchange start(RequestStartTransactionRequest start) {
    String idTag = start.idToken().idToken();
    if (idTag.length() > ID_TAG_LENGTH) {
      return Exchange.local(new RequestStartTransactionResponse(RequestStartStopStatus.Rejected,
          Optional.of(new StatusInfo("InvalidIdToken", Optional.of("longer than " + ID_TAG_LENGTH))), Optional.empty()));
    }
    // remembered before the core hears of it: the core may start the transaction before it answers
    remoteStarts.remember(start.evseId(), start.remoteStartId(), start.idToken());
    return Exchange.one(new RemoteStartTransactionRequest(start.evseId(), idTag, Optional.empty()),
        (RemoteStartTransactionResponse answer) -> {
          if (answer.status() == RemoteStartStopStatus.REJECTED) {
            remoteStarts.take(start.evseId().orElse(0), idTag);
          }
          return new RequestStartTransactionResponse(startStop(answer.status()), Optional.empty(), Optional.empty());
        });
  }

  private Exchange reset(ResetRequest reset) {
    if (reset.evseId().isPresent()) {
      return Exchange.local(new ResetResponse(ResetStatus.Rejected,
          Optional.of(new StatusInfo("NotSupported", Optional.of("the station resets as a whole")))));
    }
    if (reset.type() == Enums.ResetType.OnIdle && idleReset.resetWhenIdle()) {
      return Exchange.local(new ResetResponse(ResetStatus.Scheduled, Optional.empty()));
    }
    dev.kilowatt.core.message.ResetType type = reset.type() == Enums.ResetType.Immediate
        ? dev.kilowatt.core.message.ResetType.HARD : dev.kilowatt.core.message.ResetType.SOFT;
    return Exchange.one(new dev.kilowatt.core.message.ResetRequest(type),
        (dev.kilowatt.core.message.ResetResponse answer) -> new ResetResponse(
            answer.status() == dev.kilowatt.core.message.ResetStatus.ACCEPTED ? ResetStatus.Accepted : ResetStatus.Rejected,
            Optional.empty()));
  }

  private Exchange trigger(TriggerMessageRequest trigger) {
    MessageTrigger requested = switch (trigger.requestedMessage()) {
      case BootNotification -> MessageTrigger.BOOT_NOTIFICATION;
      case Heartbeat -> MessageTrigger.HEARTBEAT;
      case StatusNotification -> MessageTrigger.STATUS_NOTIFICATION;
      case MeterValues -> MessageTrigger.METER_VALUES;
      default -> null;
    };
    if (requested == null) {
      return Exchange.local(new Messages.TriggerMessageResponse(TriggerMessageStatus.NotImplemented, Optional.empty()));
    }
    return Exchange.one(new dev.kilowatt.core.message.TriggerMessageRequest(requested, trigger.evse().map(Evse::id)),
        (TriggerMessageResponse answer) -> {
          TriggerMessageStatus status = TriggerMessageStatus.valueOf(answer.status().ocppValue());
          if (requested == MessageTrigger.BOOT_NOTIFICATION && status == TriggerMessageStatus.Accepted) {
            station.bootTriggered();
          }
          return new Messages.TriggerMessageResponse(status, Optional.empty());
        });
  }

  /**
   * One GetConfiguration of all keys, not of the mapped ones: a GetVariables may name more variables than the
   * core's GetConfigurationMaxKeys lets one GetConfiguration name, and the core would refuse the call.
   */
  private Exchange getVariables(GetVariablesRequest get) {
    boolean anyMapped = get.getVariableData().stream()
        .anyMatch(d -> Variables.lookup(d.component(), d.variable(), d.attributeType()) instanceof Variables.Key);
    if (!anyMapped) {
      return Exchange.local(new GetVariablesResponse(
          get.getVariableData().stream().map(d -> read(d, Optional.empty())).toList()));
    }
    return Exchange.one(new GetConfigurationRequest(List.of()), (GetConfigurationResponse answer) -> new GetVariablesResponse(
        get.getVariableData().stream().map(d -> read(d, Optional.of(answer))).toList()));
  }

  /** A variable the station keeps itself ({@link TxPoints}), else one of the core's keys. */
  private Types.GetVariableResult read(Types.GetVariableData data, Optional<GetConfigurationResponse> answer) {
    return TxPoints.named(data.component(), data.variable()).map(setting -> txPoints.read(data, setting))
        .orElseGet(() -> Variables.read(data, answer));
  }

  private Exchange setVariables(SetVariablesRequest set) {
    List<CentralSystemRequest<?>> changes = new ArrayList<>();
    List<Integer> changeOf = new ArrayList<>();
    // the station's own variables are written as the request comes; each result keeps its place in the answer
    List<Optional<Types.SetVariableResult>> own = new ArrayList<>();
    for (Types.SetVariableData data : set.setVariableData()) {
      own.add(TxPoints.named(data.component(), data.variable()).map(setting -> txPoints.write(data, setting)));
      if (own.getLast().isPresent()) {
        changeOf.add(-1);
      } else if (Variables.toWrite(data.component(), data.variable(), data.attributeType()) instanceof Variables.Key(String key)) {
        changeOf.add(changes.size());
        changes.add(new ChangeConfigurationRequest(key, data.attributeValue()));
      } else {
        changeOf.add(-1);
      }
    }
    return new Exchange(changes, answers -> {
      List<Types.SetVariableResult> results = new ArrayList<>();
      for (int i = 0; i < set.setVariableData().size(); i++) {
        int change = changeOf.get(i);
        Types.SetVariableData data = set.setVariableData().get(i);
        results.add(own.get(i).orElseGet(() -> Variables.written(data,
            change < 0 ? Optional.empty() : Optional.of((ChangeConfigurationResponse) answers.get(change)))));
      }
      return new SetVariablesResponse(results);
    });
  }

  private static RequestStartStopStatus startStop(RemoteStartStopStatus status) {
    return status == RemoteStartStopStatus.ACCEPTED ? RequestStartStopStatus.Accepted : RequestStartStopStatus.Rejected;
  }
}
