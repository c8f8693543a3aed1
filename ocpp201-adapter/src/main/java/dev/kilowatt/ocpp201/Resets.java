package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.AvailabilityStatus;
import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChangeAvailabilityRequest;
import dev.kilowatt.core.message.ChangeAvailabilityResponse;
import dev.kilowatt.core.message.RemoteStartStopStatus;
import dev.kilowatt.core.message.RemoteStopTransactionRequest;
import dev.kilowatt.core.message.RemoteStopTransactionResponse;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.port.UnsettledTransaction;
import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import dev.kilowatt.ocpp201.Enums.ConnectorStatus;
import dev.kilowatt.ocpp201.Enums.ResetStatus;
import dev.kilowatt.ocpp201.Messages.ResetRequest;
import dev.kilowatt.ocpp201.Messages.ResetResponse;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The CSMS's Reset (part 2 B11, B12) on the core, which resets only as a whole station, and the resets that wait.
 *
 * <table>
 *   <caption>what each Reset becomes</caption>
 *   <tr><th>OCPP 2.0.1</th><th>core (1.6 shape)</th></tr>
 *   <tr><td>Immediate</td><td>Reset Hard: the core ends every transaction (ImmediateReset) and reboots</td></tr>
 *   <tr><td>OnIdle, no transaction open</td><td>Reset Soft</td></tr>
 *   <tr><td>OnIdle, a transaction open</td><td>Scheduled (B12.FR.01); Reset Soft once the last open
 *       transaction's Ended event is answered: OnIdle waits for transactions to end normally (B12.FR.03)</td></tr>
 *   <tr><td>of an EVSE the core never reported</td><td>Rejected, reasonCode UnknownEvse, without the core</td></tr>
 *   <tr><td>of an idle EVSE (Immediate or OnIdle)</td><td>the EVSE leaves service and comes back: ChangeAvailability
 *       Inoperative, then Operative, of its connector, so that it reports Unavailable and then its state again;
 *       Accepted if the core took it out of service. An EVSE that is Unavailable already stays so, Accepted</td></tr>
 *   <tr><td>OnIdle of an EVSE whose transaction runs</td><td>Scheduled; the EVSE is reset as an idle one once that
 *       transaction's Ended event is answered (B12.FR.07: the transaction ends normally first)</td></tr>
 *   <tr><td>Immediate of an EVSE whose transaction runs</td><td>RemoteStopTransaction of that transaction, whose
 *       Ended event then says stoppedReason ImmediateReset and triggerReason ResetCommand (B12.FR.08); the EVSE is
 *       reset as an idle one once that event is answered</td></tr>
 * </table>
 *
 * <p>A reset that waits is kept through the {@link Storage} port, under keys starting {@code ocpp201/reset/},
 * until it is handed to the core: a power cut in between does not lose it, and it happens once the transactions
 * it waits for have ended after the restart. Open means having a seqNo record ({@link SequenceNumbers}), which
 * survives a restart as well. A reset of the whole station the core accepts makes every waiting reset moot.
 */
final class Resets {

  /** A reset waiting for the transactions it concerns to end; {@code endsTransaction}: the core was asked to end it. */
  record Waiting(boolean endsTransaction) {
  }

  private static final String PREFIX = "ocpp201/reset/";
  private static final String STATION = PREFIX + "station";
  private static final String EVSE = PREFIX + "evse/";

  private final Storage storage;
  private final SequenceNumbers transactions;
  private final IntFunction<Optional<ConnectorStatus>> evseStatus;
  private final Consumer<CentralSystemRequest<?>> toCore;

  /**
   * {@code evseStatus} is the status the core last reported of an EVSE, empty for one it never reported;
   * {@code toCore} hands the core a call of the station's own, once a waiting reset is due.
   */
  Resets(Storage storage, SequenceNumbers transactions, IntFunction<Optional<ConnectorStatus>> evseStatus,
      Consumer<CentralSystemRequest<?>> toCore) {
    this.storage = storage;
    this.transactions = transactions;
    this.evseStatus = evseStatus;
    this.toCore = toCore;
  }

  /** The route for {@code request}, or empty for a call that is not a Reset. */
  Optional<Route> translate(Messages.Request<?> request) {
    if (!(request instanceof ResetRequest reset)) {
      return Optional.empty();
    }
    if (reset.evseId().isEmpty()) {
      return Optional.of(new Route.Now(station(reset.type())));
    }
    int evseId = reset.evseId().get();
    if (evseStatus.apply(evseId).isEmpty()) {
      return Optional.of(new Route.Now(Exchange.local(new ResetResponse(ResetStatus.Rejected,
          Optional.of(new StatusInfo("UnknownEvse", Optional.of("EVSE " + evseId + " is not on this station")))))));
    }
    return Optional.of(new Route.AfterTransactions(unsettled -> evse(reset.type(), evseId, unsettled)));
  }

  /** Whether the Ended event of EVSE {@code evseId}'s transaction is that of a transaction an EVSE reset ended. */
  synchronized boolean endedByReset(int evseId) {
    return storage.load(EVSE + evseId, Waiting.class).map(Waiting::endsTransaction).orElse(false);
  }

  /** The CSMS has answered an Ended event of EVSE {@code evseId}: a reset that waited for it may be due. */
  synchronized void settled(int evseId) {
    if (storage.load(STATION, Waiting.class).isPresent()) {
      if (!transactions.open()) {
        forgetAll();
        toCore.accept(new dev.kilowatt.core.message.ResetRequest(dev.kilowatt.core.message.ResetType.SOFT));
      }
      return;
    }
    if (storage.load(EVSE + evseId, Waiting.class).isPresent() && !transactions.open(evseId)) {
      storage.delete(EVSE + evseId);
      outOfServiceAndBack(evseId).forEach(toCore);
    }
  }

  private synchronized Exchange station(Enums.ResetType type) {
    if (type == Enums.ResetType.OnIdle && transactions.open()) {
      storage.save(STATION, new Waiting(false));
      return Exchange.local(new ResetResponse(ResetStatus.Scheduled, Optional.empty()));
    }
    return Exchange.one(new dev.kilowatt.core.message.ResetRequest(type == Enums.ResetType.Immediate
            ? dev.kilowatt.core.message.ResetType.HARD : dev.kilowatt.core.message.ResetType.SOFT),
        (dev.kilowatt.core.message.ResetResponse answer) -> {
          if (answer.status() != dev.kilowatt.core.message.ResetStatus.ACCEPTED) {
            return new ResetResponse(ResetStatus.Rejected, Optional.empty());
          }
          forgetAll();
          return new ResetResponse(ResetStatus.Accepted, Optional.empty());
        });
  }

  private synchronized Exchange evse(Enums.ResetType type, int evseId, List<UnsettledTransaction> unsettled) {
    Optional<UnsettledTransaction> running = unsettled.stream()
        .filter(t -> t.running() && t.connectorId() == evseId).findFirst();
    if (running.isEmpty() && !transactions.open(evseId)) {
      List<CentralSystemRequest<?>> cycle = outOfServiceAndBack(evseId);
      return new Exchange(cycle, answers -> new ResetResponse(answers.isEmpty()
          || ((ChangeAvailabilityResponse) answers.getFirst()).status() == AvailabilityStatus.ACCEPTED
          ? ResetStatus.Accepted : ResetStatus.Rejected, Optional.empty()));
    }
    if (type == Enums.ResetType.OnIdle || running.isEmpty()) {
      // a transaction that has ended, whose Ended event waits for its answer, is waited for by either type
      storage.save(EVSE + evseId, new Waiting(false));
      return Exchange.local(new ResetResponse(running.isPresent() ? ResetStatus.Scheduled : ResetStatus.Accepted,
          Optional.empty()));
    }
    // saved before the core hears of it: the core may end the transaction before it answers
    storage.save(EVSE + evseId, new Waiting(true));
    return Exchange.one(new RemoteStopTransactionRequest(TransactionIds.core(evseId, running.get().started())),
        (RemoteStopTransactionResponse answer) -> {
          if (answer.status() == RemoteStartStopStatus.ACCEPTED) {
            return new ResetResponse(ResetStatus.Accepted, Optional.empty());
          }
          forget(evseId);
          return new ResetResponse(ResetStatus.Rejected, Optional.empty());
        });
  }

  /**
   * The core's calls that reset EVSE {@code evseId}: out of service and back, unless it is out of service already
   * (the station or the CSMS made it so, and a reset does not change that).
   */
  private List<CentralSystemRequest<?>> outOfServiceAndBack(int evseId) {
    if (evseStatus.apply(evseId).filter(s -> s == ConnectorStatus.Unavailable).isPresent()) {
      return List.of();
    }
    return List.of(new ChangeAvailabilityRequest(evseId, AvailabilityType.INOPERATIVE),
        new ChangeAvailabilityRequest(evseId, AvailabilityType.OPERATIVE));
  }

  private synchronized void forget(int evseId) {
    storage.delete(EVSE + evseId);
  }

  private synchronized void forgetAll() {
    storage.keys(PREFIX).forEach(storage::delete);
  }
}
