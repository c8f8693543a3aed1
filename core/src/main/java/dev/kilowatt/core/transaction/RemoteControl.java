package dev.kilowatt.core.transaction;

import dev.kilowatt.core.authorization.Authorization;
import dev.kilowatt.core.authorization.AuthorizationDecision;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.RemoteStartStopStatus;
import dev.kilowatt.core.message.RemoteStartTransactionRequest;
import dev.kilowatt.core.message.RemoteStartTransactionResponse;
import dev.kilowatt.core.message.RemoteStopTransactionRequest;
import dev.kilowatt.core.message.RemoteStopTransactionResponse;
import dev.kilowatt.core.message.UnlockConnectorRequest;
import dev.kilowatt.core.message.UnlockConnectorResponse;
import dev.kilowatt.core.message.UnlockStatus;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.reservation.Reservations;
import dev.kilowatt.core.smartcharging.SmartCharging;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The central system's side of a transaction: RemoteStartTransaction, RemoteStopTransaction, UnlockConnector. */
public final class RemoteControl {

  /**
   * What a remote start must not overlap: a reset under way, a registration still Pending.
   *
   * @param resetting whether a reset is under way
   * @param registrationPending whether the last BootNotification was answered Pending
   */
  public record Busy(BooleanSupplier resetting, BooleanSupplier registrationPending) {}

  /**
   * How long UnlockConnector waits for the lock's feedback. The lock port reports a stuck actuator itself; this
   * bounds the wait when an already faulted actuator has nothing new to report.
   */
  static final Duration UNLOCK_ANSWER_LIMIT = Duration.ofSeconds(10);

  private final Scheduler scheduler;
  private final Configuration config;
  private final List<Connector> connectors;
  private final Authorization authorization;
  private final Reservations reservations;
  private final StartStop starts;
  private final Transactions transactions;
  private final Busy busy;

  /**
   * The central system's side over the given connectors.
   *
   * @param scheduler bounds UnlockConnector's wait for the lock's feedback
   * @param config holds AuthorizeRemoteTxRequests
   * @param connectors the connectors, connector 1 first
   * @param authorization authorizes a remote start's idTag when AuthorizeRemoteTxRequests asks for it
   * @param reservations chooses the connector a remote start may use, honouring its reservations
   * @param starts prepares the start: it waits for the EV like a presented card
   * @param transactions stops the transaction a RemoteStopTransaction or UnlockConnector ends
   * @param busy what a remote start must not overlap
   */
  public RemoteControl(Scheduler scheduler, Configuration config, List<Connector> connectors, Authorization authorization,
      Reservations reservations, StartStop starts, Transactions transactions, Busy busy) {
    this.scheduler = scheduler;
    this.config = config;
    this.connectors = connectors;
    this.authorization = authorization;
    this.reservations = reservations;
    this.starts = starts;
    this.transactions = transactions;
    this.busy = busy;
  }

  /**
   * Answers RemoteStartTransaction, RemoteStopTransaction and UnlockConnector.
   *
   * @param router the router the central system's calls arrive on
   */
  public void register(CallRouter router) {
    router.on(RemoteStartTransactionRequest.class, this::remoteStart);
    router.on(RemoteStopTransactionRequest.class, this::remoteStop);
    router.on(UnlockConnectorRequest.class, this::unlock);
  }

  /**
   * Section 5.18: a transaction on the connector is finished first (reason UnlockCommand), then the answer says
   * whether the lock opened. The OCA test TC_018_1_CS lists the answer before the StopTransaction.req but checks
   * only their contents; the StopTransaction goes first here, as the specification's "finish first" reads.
   */
  private void unlock(UnlockConnectorRequest r, CallRouter.Reply reply) {
    Optional<Connector> socket = r.connectorId() >= 1 && r.connectorId() <= connectors.size()
        ? Optional.of(connectors.get(r.connectorId() - 1)).filter(c -> c.hardware().lock().isPresent()) : Optional.empty();
    if (socket.isEmpty()) {
      // An unknown connector, a fixed cable, or a socket without an actuator: nothing here can be unlocked.
      reply.answer(new UnlockConnectorResponse(UnlockStatus.NOT_SUPPORTED));
      return;
    }
    Connector c = socket.get();
    if (c.transaction().isPresent()) {
      transactions.stop(c, Reason.UNLOCK_COMMAND, Optional.empty());
    }
    c.holdPlug(false);
    UnlockAnswer answer = new UnlockAnswer(reply);
    Scheduler.Timer limit = scheduler.schedule(UNLOCK_ANSWER_LIMIT, () -> answer.give(false));
    c.awaitUnlocked(unlocked -> {
      limit.cancel();
      answer.give(unlocked);
    });
  }

  /** One UnlockConnector's answer: from the lock's feedback or the time limit, whichever comes first. */
  private static final class UnlockAnswer {
    private final CallRouter.Reply reply;
    private boolean given;

    UnlockAnswer(CallRouter.Reply reply) {
      this.reply = reply;
    }

    void give(boolean unlocked) {
      if (!given) {
        given = true;
        reply.answer(new UnlockConnectorResponse(unlocked ? UnlockStatus.UNLOCKED : UnlockStatus.UNLOCK_FAILED));
      }
    }
  }

  private void remoteStart(RemoteStartTransactionRequest r, CallRouter.Reply reply) {
    Optional<Integer> requested = r.connectorId();
    boolean validConnector = requested.map(id -> id >= 1 && id <= connectors.size()).orElse(true);
    boolean authorize = config.bool(CoreKeys.AUTHORIZE_REMOTE_TX_REQUESTS);
    // Without authorization, only what the list or the cache know of the idTag can match a reservation's parent.
    Reservations.Driver driver = authorize ? Reservations.Driver.beforeAuthorization(r.idTag())
        : Reservations.Driver.known(r.idTag(), authorization.knownLocally(r.idTag()).flatMap(AuthorizationDecision::parentIdTag));
    boolean profileAcceptable = r.chargingProfile().map(SmartCharging::acceptableForRemoteStart).orElse(true);
    // a journal that refuses writes could not record the start: Rejected, as for a card (docs/ledger.md rule 4)
    Optional<Reservations.Start> target = validConnector && profileAcceptable && !busy.resetting().getAsBoolean()
        && !busy.registrationPending().getAsBoolean() && transactions.canStart()
        ? reservations.choose(connectors, requested, driver) : Optional.empty();
    if (target.isEmpty()) {
      reply.answer(new RemoteStartTransactionResponse(RemoteStartStopStatus.REJECTED));
      return;
    }
    reply.answer(new RemoteStartTransactionResponse(RemoteStartStopStatus.ACCEPTED));
    Connector c = target.get().connector();
    reply.afterwards(() -> {
      if (!c.free()) {
        return;
      }
      if (authorize) {
        authorization.authorize(r.idTag(), info -> {
          if (info.accepted()) {
            reservations.choose(connectors, Optional.of(c.id()), Reservations.Driver.known(r.idTag(), info.parentIdTag()))
                .ifPresent(start -> starts.prepareStart(c, r.idTag(), info, start.reservationId(), r.chargingProfile()));
          }
        });
      } else {
        reservations.choose(connectors, Optional.of(c.id()), driver).ifPresent(start -> starts.prepareStart(c, r.idTag(),
            AuthorizationDecision.of(AuthorizationDecision.Status.ACCEPTED), start.reservationId(), r.chargingProfile()));
      }
    });
  }

  private void remoteStop(RemoteStopTransactionRequest r, CallRouter.Reply reply) {
    Optional<Connector> target = connectors.stream().filter(c -> runs(c, r.transactionId())).findFirst();
    if (target.isEmpty() && transactions.whenSaved(r.transactionId(), () -> remoteStop(r, reply))) {
      return;
    }
    reply.answer(new RemoteStopTransactionResponse(target.isPresent() ? RemoteStartStopStatus.ACCEPTED : RemoteStartStopStatus.REJECTED));
    target.ifPresent(c -> reply.afterwards(() -> {
      if (runs(c, r.transactionId())) {
        transactions.stop(c, Reason.REMOTE, Optional.empty());
      }
    }));
  }

  private static boolean runs(Connector c, int transactionId) {
    return c.transaction().flatMap(Transaction::transactionId).filter(id -> id == transactionId).isPresent();
  }
}
