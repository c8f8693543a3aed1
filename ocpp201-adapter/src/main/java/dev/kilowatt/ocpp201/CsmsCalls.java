package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChangeAvailabilityResponse;
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
import dev.kilowatt.ocpp201.Enums.TriggerMessageStatus;
import dev.kilowatt.ocpp201.Messages.ChangeAvailabilityRequest;
import dev.kilowatt.ocpp201.Messages.GetVariablesRequest;
import dev.kilowatt.ocpp201.Messages.RequestStartTransactionRequest;
import dev.kilowatt.ocpp201.Messages.RequestStartTransactionResponse;
import dev.kilowatt.ocpp201.Messages.RequestStopTransactionRequest;
import dev.kilowatt.ocpp201.Messages.RequestStopTransactionResponse;
import dev.kilowatt.ocpp201.Messages.SetVariablesRequest;
import dev.kilowatt.ocpp201.Messages.TriggerMessageRequest;
import dev.kilowatt.ocpp201.Types.Evse;
import dev.kilowatt.ocpp201.Types.StatusInfo;
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
 *   <tr><td>Reset</td><td>see {@link Resets}</td></tr>
 *   <tr><td>TriggerMessage BootNotification, Heartbeat, StatusNotification, MeterValues</td><td>TriggerMessage
 *       of the same, for connector evse.id (the core's triggered MeterValues of a connector whose transaction runs
 *       carries it, and so goes as a TransactionEvent Updated with triggerReason Trigger); TransactionEvent: see
 *       {@link ServiceCalls}; FirmwareStatusNotification, LogStatusNotification: see {@link FirmwareCalls};
 *       SignChargingStationCertificate: see {@link CertificateCalls}; any other message NotImplemented</td></tr>
 *   <tr><td>ChangeAvailability</td><td>ChangeAvailability of connector evse.id, of connector 0 (the whole
 *       station) without an EVSE</td></tr>
 *   <tr><td>GetVariables, SetVariables</td><td>see {@link DeviceVariables}: GetConfiguration, one
 *       ChangeConfiguration per variable, for the variables {@link Variables} maps; the adapter's own
 *       variables ({@link OwnVariables}, TxCtrlr's TxStartPoint and TxStopPoint in {@link TxPoints}) without
 *       the core</td></tr>
 *   <tr><td>UnlockConnector, DataTransfer, GetTransactionStatus</td><td>see {@link ServiceCalls}</td></tr>
 *   <tr><td>ClearCache, SendLocalList, GetLocalListVersion</td><td>see {@link LocalAuthCalls}</td></tr>
 *   <tr><td>GetBaseReport, GetReport</td><td>see {@link Reports}</td></tr>
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
  private final DeviceVariables variables;

  CsmsCalls(RemoteStarts remoteStarts, StationMessages station, DeviceVariables variables) {
    this.remoteStarts = remoteStarts;
    this.variables = variables;
    this.station = station;
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
      case GetVariablesRequest get -> variables.get(get);
      case SetVariablesRequest set -> variables.set(set);
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
            remoteStarts.refused(start.evseId().orElse(0), idTag);
          }
          return new RequestStartTransactionResponse(startStop(answer.status()), Optional.empty(), Optional.empty());
        });
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

  private static RequestStartStopStatus startStop(RemoteStartStopStatus status) {
    return status == RemoteStartStopStatus.ACCEPTED ? RequestStartStopStatus.Accepted : RequestStartStopStatus.Rejected;
  }
}
