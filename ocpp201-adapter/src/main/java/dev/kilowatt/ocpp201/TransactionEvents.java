package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.MeterValuesResponse;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.port.CallOrigin;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.ocpp201.TransactionEnums.ChargingState;
import dev.kilowatt.ocpp201.TransactionEnums.ReadingContext;
import dev.kilowatt.ocpp201.TransactionEnums.StoppedReason;
import dev.kilowatt.ocpp201.TransactionEnums.TransactionEventType;
import dev.kilowatt.ocpp201.TransactionEnums.TriggerReason;
import dev.kilowatt.ocpp201.Messages.TransactionEventRequest;
import dev.kilowatt.ocpp201.Messages.TransactionEventResponse;
import dev.kilowatt.ocpp201.Types.Evse;
import dev.kilowatt.ocpp201.Types.IdToken;
import dev.kilowatt.ocpp201.Types.MeterValue;
import dev.kilowatt.ocpp201.Types.TransactionInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The core's transaction messages as one TransactionEvent stream per transaction (part 2 E): its
 * StartTransaction as the Started event, each MeterValues of the transaction as an Updated one, its
 * StopTransaction as the Ended one. The core's durable ledger decides when each goes (and replays them
 * after a restart or while offline), in order; this class only renames. Ids are {@link TransactionIds},
 * sequence numbers {@link SequenceNumbers}.
 *
 * <p>Trigger reasons (part 2, TriggerReasonEnumType): Started is {@code RemoteStart} when a
 * RequestStartTransaction led to it, else {@code Authorized} (the core starts a transaction once the
 * EV is plugged in and the driver authorized, 2.0.1's TxStartPoint "PowerPathClosed" with
 * authorization; which of the two came last it does not say). Updated is {@code MeterValueClock} for
 * clock-aligned samples, {@code Trigger} for triggered ones, else {@code MeterValuePeriodic}, and
 * {@code ChargingStateChanged} for a change of the charging state ({@link ChargingStates}), which the Started event
 * gives as EVConnected and an Ended event of an unplugged EV as Idle. Ended follows the 1.6 reason, see
 * {@link #ending}.
 */
final class TransactionEvents {

  /** How a 1.6 stop reason reads in 2.0.1: why it ended, and what made the station say so now. */
  record Ending(StoppedReason stoppedReason, TriggerReason triggerReason) {
  }

  private final SequenceNumbers sequenceNumbers;
  private final RemoteStarts remoteStarts;
  private final Scheduler clock;
  private final Resets resets;
  private final StartsInFlight startsInFlight;
  private final ChargingStates chargingStates = new ChargingStates();

  /** {@code resets} names the end of a transaction an EVSE reset ended, and hears when an Ended event is answered. */
  TransactionEvents(SequenceNumbers sequenceNumbers, RemoteStarts remoteStarts, Scheduler clock, Resets resets) {
    this.sequenceNumbers = sequenceNumbers;
    this.remoteStarts = remoteStarts;
    this.clock = clock;
    this.resets = resets;
    this.startsInFlight = new StartsInFlight(clock);
  }

  /** The transactions whose Started event is not answered yet, which the CSMS's calls about them wait for. */
  StartsInFlight startsInFlight() {
    return startsInFlight;
  }

  /** {@code request}, sent to the CSMS, got no answer: a Started event among them no longer holds calls back. */
  void unanswered(Messages.Request<?> request) {
    if (request instanceof TransactionEventRequest event && event.eventType() == TransactionEventType.Started) {
      startsInFlight.settled(event.transactionInfo().transactionId());
    }
  }

  Outbound started(StartTransactionRequest start, CallOrigin origin) {
    String id = TransactionIds.station(start.connectorId(), start.timestamp());
    int coreId = TransactionIds.core(start.connectorId(), start.timestamp());
    Optional<RemoteStarts.RemoteStart> remote = remoteStarts.started(id, start.connectorId(), start.idTag());
    IdToken token = remote.map(RemoteStarts.RemoteStart::idToken).orElseGet(() -> remoteStarts.token(start.idTag()));
    Optional<ChargingStates.Change> already = chargingStates.started(start.connectorId(), id, start.timestamp());
    TransactionEventRequest event = event(TransactionEventType.Started, origin, start.timestamp(),
        remote.isPresent() ? TriggerReason.RemoteStart : TriggerReason.Authorized, start.reservationId(),
        new TransactionInfo(id, Optional.of(ChargingState.EVConnected), Optional.empty(), Optional.empty(),
            remote.map(RemoteStarts.RemoteStart::remoteStartId)),
        Optional.of(new Evse(start.connectorId(), Optional.of(1))), Optional.of(token),
        List.of(MeterReadings.register(start.meterStart(), ReadingContext.Transaction_Begin, start.timestamp())));
    startsInFlight.sent(id);
    Outbound.Send<TransactionEventResponse> send = new Outbound.Send<>(event, answer -> {
      startsInFlight.settled(id);
      return new StartTransactionResponse(verdict(answer), coreId);
    });
    return already.<Outbound>map(change -> new Outbound.Then(send, changed(change, origin))).orElse(send);
  }

  /**
   * The core reported {@code status} of connector {@code connectorId} at {@code at}: the Updated event it calls for
   * when it changes the charging state of the transaction running there.
   */
  Optional<TransactionEventRequest> statusReported(int connectorId, ChargePointStatus status, Instant at) {
    // the core reports a status only while connected, so the change it tells of is heard online
    return chargingStates.reported(connectorId, status, at).map(change -> changed(change, CallOrigin.ONLINE));
  }

  private TransactionEventRequest changed(ChargingStates.Change change, CallOrigin origin) {
    return event(TransactionEventType.Updated, origin, change.at(), TriggerReason.ChargingStateChanged, Optional.empty(),
        info(change.transactionId(), Optional.of(change.state()), Optional.empty()), Optional.empty(), Optional.empty(),
        List.of());
  }

  /** A MeterValues of a running transaction; {@code transactionId} is the core's. */
  Outbound updated(MeterValuesRequest values, int transactionId, CallOrigin origin) {
    List<MeterValue> meterValue = MeterReadings.of(values.meterValue());
    if (meterValue.isEmpty()) {
      return new Outbound.Answer(new MeterValuesResponse());
    }
    Optional<ReadingContext> context = meterValue.getFirst().sampledValue().getFirst().context();
    TriggerReason trigger = context.map(c -> switch (c) {
      case Sample_Clock -> TriggerReason.MeterValueClock;
      case Trigger -> TriggerReason.Trigger;
      default -> TriggerReason.MeterValuePeriodic;
    }).orElse(TriggerReason.MeterValuePeriodic);
    String id = TransactionIds.stationOf(transactionId, clock.now());
    TransactionEventRequest event = event(TransactionEventType.Updated, origin, meterValue.getFirst().timestamp(), trigger,
        Optional.empty(), info(id, Optional.empty(), Optional.empty()), Optional.empty(), Optional.empty(), meterValue);
    return new Outbound.Send<>(event, answer -> new MeterValuesResponse());
  }

  Outbound ended(StopTransactionRequest stop, CallOrigin origin) {
    String id = TransactionIds.stationOf(stop.transactionId(), clock.now());
    int evseId = TransactionIds.connectorOf(stop.transactionId());
    Reason reason = stop.reason().orElse(Reason.LOCAL);
    // an EVSE reset ends the transaction as the core's remote stop does (see Resets)
    Ending ending = ending(reason == Reason.REMOTE && resets.endedByReset(evseId) ? Reason.HARD_RESET : reason);
    List<MeterValue> meterValue = new ArrayList<>(MeterReadings.of(stop.transactionData()));
    meterValue.add(MeterReadings.register(stop.meterStop(), ReadingContext.Transaction_End, stop.timestamp()));
    chargingStates.ended(id);
    // an unplugged EV is the one end whose state is known: after any other, the EV may or may not be plugged in
    Optional<ChargingState> after = ending.stoppedReason() == StoppedReason.EVDisconnected
        ? Optional.of(ChargingState.Idle) : Optional.empty();
    TransactionEventRequest event = event(TransactionEventType.Ended, origin, stop.timestamp(), ending.triggerReason(),
        Optional.empty(), info(id, after, Optional.of(ending.stoppedReason())), Optional.empty(),
        stop.idTag().map(remoteStarts::token), meterValue);
    return new Outbound.Send<>(event, answer -> {
      sequenceNumbers.forget(id);
      remoteStarts.ended(id);
      resets.settled(evseId);
      return new StopTransactionResponse(answer.idTokenInfo().map(Verdicts::idTagInfo));
    });
  }

  /** Whether a transaction runs, or has ended without the CSMS having its Ended event yet. */
  boolean open() {
    return sequenceNumbers.open();
  }

  /**
   * The 2.0.1 reading of a 1.6 stop reason. Stopped by a card (Local) is {@code StopAuthorized}; by the
   * CSMS, {@code RemoteStop}; by either Reset, {@code ResetCommand} with {@code ImmediateReset} (a Reset
   * the core runs stops transactions at once: 2.0.1's OnIdle reset never stops one, see
   * {@link Resets}); an unplugged EV, {@code EVCommunicationLost} (part 2 E09); an UnlockConnector,
   * {@code UnlockCommand} with reason Other (2.0.1 has no stop reason of that name); a card the CSMS
   * refused afterwards, {@code Deauthorized}; a power loss, an emergency stop, a reboot or any other
   * reason, {@code AbnormalCondition}.
   */
  static Ending ending(Reason reason) {
    return switch (reason) {
      case LOCAL -> new Ending(StoppedReason.Local, TriggerReason.StopAuthorized);
      case REMOTE -> new Ending(StoppedReason.Remote, TriggerReason.RemoteStop);
      case HARD_RESET, SOFT_RESET -> new Ending(StoppedReason.ImmediateReset, TriggerReason.ResetCommand);
      case EV_DISCONNECTED -> new Ending(StoppedReason.EVDisconnected, TriggerReason.EVCommunicationLost);
      case UNLOCK_COMMAND -> new Ending(StoppedReason.Other, TriggerReason.UnlockCommand);
      case DE_AUTHORIZED -> new Ending(StoppedReason.DeAuthorized, TriggerReason.Deauthorized);
      case EMERGENCY_STOP -> new Ending(StoppedReason.EmergencyStop, TriggerReason.AbnormalCondition);
      case POWER_LOSS -> new Ending(StoppedReason.PowerLoss, TriggerReason.AbnormalCondition);
      case REBOOT -> new Ending(StoppedReason.Reboot, TriggerReason.AbnormalCondition);
      case OTHER -> new Ending(StoppedReason.Other, TriggerReason.AbnormalCondition);
    };
  }

  /** {@code offline} is given only when true: its default, false, says "online" already (part 2 E04.FR.03). */
  private TransactionEventRequest event(TransactionEventType type, CallOrigin origin, Instant at, TriggerReason trigger,
      Optional<Integer> reservationId, TransactionInfo info, Optional<Evse> evse, Optional<IdToken> idToken,
      List<MeterValue> meterValue) {
    return new TransactionEventRequest(type, at, trigger, sequenceNumbers.take(info.transactionId()),
        origin.offline() ? Optional.of(true) : Optional.empty(), Optional.empty(), Optional.empty(), reservationId, info,
        evse, idToken, meterValue);
  }

  private static TransactionInfo info(String id, Optional<ChargingState> chargingState,
      Optional<StoppedReason> stoppedReason) {
    return new TransactionInfo(id, chargingState, Optional.empty(), stoppedReason, Optional.empty());
  }

  /** A Started event without the CSMS's verdict on its IdToken is one the CSMS let start. */
  private static IdTagInfo verdict(TransactionEventResponse answer) {
    return answer.idTokenInfo().map(Verdicts::idTagInfo)
        .orElseGet(() -> new IdTagInfo(AuthorizationStatus.ACCEPTED,
            Optional.empty(), Optional.empty()));
  }
}
