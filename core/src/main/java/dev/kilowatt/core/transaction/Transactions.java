package dev.kilowatt.core.transaction;

import dev.kilowatt.core.authorization.Authorization;
import dev.kilowatt.core.authorization.AuthorizationDecision;
import dev.kilowatt.core.availability.Availability;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.connector.MeterSample;
import dev.kilowatt.core.connector.StartAnswers;
import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.ledger.TransactionRecord;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.messaging.TransactionReceiver;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CallOrigin;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.port.UnsettledTransaction;
import dev.kilowatt.core.reservation.Reservations;
import dev.kilowatt.core.smartcharging.SmartCharging;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The start and stop of transactions and their recovery after a power cut. Every step is recorded in the
 * {@link TransactionLedger} before it is acted on (docs/ledger.md); the running transaction itself lives
 * on its connector.
 */
public final class Transactions implements TransactionReceiver, StartAnswers {

  private static final System.Logger LOG = System.getLogger(Transactions.class.getName());

  /**
   * The next transaction number; recorded so numbers never repeat across reboots.
   *
   * @param next the number the next transaction takes, from 1
   */
  public record TransactionCounter(long next) {}

  /**
   * The transactionId the central system assigned to one of our transactions, as an older version saved it.
   *
   * @param number the charger's own number of the transaction
   * @param transactionId the id StartTransaction.conf assigned
   */
  public record TransactionIds(long number, int transactionId) {}

  /**
   * The blocks a start or a stop touches.
   *
   * @param authorization caches the idTagInfo of a start's answer
   * @param reservations gives up the reservation a start uses
   * @param smartCharging installs a start's TxProfile and drops the transaction's profiles at its stop
   * @param availability refreshes the connector's status, and applies a change that waited for the stop
   * @param sampling arms and cancels the transaction's meter samples
   * @param onEnded runs after every stop, e.g. for a firmware update waiting for the connectors to be idle
   */
  public record Parts(Authorization authorization, Reservations reservations, SmartCharging smartCharging, Availability availability,
      MeterSampling sampling, Runnable onEnded) {}

  private final Storage storage;
  private final Configuration config;
  private final Counters counters;
  private final Outbox outbox;
  private final TransactionLedger ledger;
  private final Supplier<Instant> clock;
  private final List<Connector> connectors;
  private final Parts parts;
  /** The transactionIds whose StartTransaction answer is being saved, each with what waits for the save. */
  private final Map<Integer, List<Runnable>> startAnswersBeingSaved = new HashMap<>();

  /**
   * The block over the given connectors, recording in {@code ledger}.
   *
   * @param storage holds what an older version saved outside the ledger
   * @param config holds the transaction configuration keys, e.g. StopTransactionOnInvalidId
   * @param counters counts refused starts and unexpected answers
   * @param outbox sends StartTransaction and StopTransaction
   * @param ledger records every step before it is acted on
   * @param clock the current time
   * @param connectors the connectors, connector 1 first
   * @param parts the blocks a start or a stop touches
   */
  public Transactions(Storage storage, Configuration config, Counters counters, Outbox outbox, TransactionLedger ledger,
      Supplier<Instant> clock, List<Connector> connectors, Parts parts) {
    this.storage = storage;
    this.config = config;
    this.counters = counters;
    this.outbox = outbox;
    this.ledger = ledger;
    this.clock = clock;
    this.connectors = connectors;
    this.parts = parts;
  }

  /** {@return whether a transaction runs on any connector} */
  public boolean anyRunning() {
    return connectors.stream().anyMatch(c -> c.transaction().isPresent());
  }

  /** {@return whether a transaction can start now: not while its start could not be recorded} */
  boolean canStart() {
    return ledger.writable();
  }

  /**
   * Starts a transaction on {@code c}, or refuses it when its start cannot be recorded (the connector then shows the fault).
   *
   * @param c the connector; its meter reading is the transaction's meterStart
   * @param idTag the id that started it
   * @param info the central system's (or the cache's) decision on {@code idTag}; gives the parentIdTag
   * @param reservationId the reservation the start claims; ignored when it is gone meanwhile (expired, cancelled)
   * @param txProfile a TxProfile to install for the new transaction, as RemoteStartTransaction may carry
   */
  public void start(Connector c, String idTag, AuthorizationDecision info, Optional<Integer> reservationId, Optional<ChargingProfile> txProfile) {
    if (!canStart()) {
      // docs/ledger.md rule 4: no transaction on a start that cannot be recorded; the fault is reported on connector 0
      LOG.log(Level.WARNING, "connector {0}: no transaction for {1} while the journal refuses writes", c.id(), idTag);
      counters.increment("transaction.refusedStorageFault");
      parts.availability().refresh(c);
      return;
    }
    reservationId = reservationId.filter(parts.reservations()::use);
    Transaction tx = Transaction.begin(ledger.takeNumber(), c.id(), idTag, info.parentIdTag(), clock.get(), c.energyWh(), reservationId);
    tx = parts.sampling().withStopSample(c, tx, MeterSample.Context.TRANSACTION_BEGIN);
    c.begin(tx);
    // Plugged in since an earlier session released it, the plug is held again before any current flows.
    c.holdPlug(true);
    ledger.start(tx);
    txProfile.ifPresent(profile -> parts.smartCharging().installForNewTransaction(c, profile));
    parts.sampling().arm(c);
    parts.availability().refresh(c);
  }

  void stop(Connector c, Reason reason, Optional<String> idTag) {
    Transaction tx = parts.sampling().withStopSample(c, c.transaction().orElseThrow(), MeterSample.Context.TRANSACTION_END);
    ledger.stop(tx, stopRequest(tx, (long) Math.floor(c.energyWh()), clock.get(), reason, idTag));
    c.end();
    if (c.pilot().evConnected()) {
      // The session is over: the driver may take the plug out. Unplugged at the EV, the disconnect already decided.
      c.holdPlug(false);
    }
    parts.sampling().cancel(c);
    parts.smartCharging().transactionEnded(c);
    parts.availability().apply();
    parts.availability().refresh(c);
    parts.onEnded().run();
  }

  /**
   * Stops every running transaction, as before a reset.
   *
   * @param reason the stop reason StopTransaction.req reports, e.g. HardReset
   */
  public void stopAll(Reason reason) {
    connectors.stream().filter(c -> c.transaction().isPresent()).forEach(c -> stop(c, reason, Optional.empty()));
  }

  private static StopTransactionRequest stopRequest(Transaction tx, long meterStopWh, Instant at, Reason reason, Optional<String> idTag) {
    // the transactionId is filled in when the message goes out: a transaction started offline has none yet
    return new StopTransactionRequest(idTag, (int) Math.max(meterStopWh, tx.meterStartWh()), at, tx.transactionId().orElse(0),
        Optional.of(reason), Ocpp16Samples.meterValues(tx.stopData()));
  }

  /**
   * After a boot: moves an older version's records into the ledger, queues what the ledger holds
   * unanswered, and stops each transaction recorded as started but never stopped, which means the power
   * went while it ran (AQ-7.2: report after the boot).
   */
  public void recoverInterrupted() {
    LegacyRecords.migrate(storage, ledger, connectors.size());
    ledger.resend();
    for (Transaction tx : ledger.interrupted()) {
      LOG.log(Level.WARNING, "connector {0}: transaction {1} was interrupted by a power loss", tx.connectorId(), tx.number());
      ledger.stop(tx, stopRequest(tx, (long) Math.floor(tx.lastEnergyWh()), tx.lastSeen(), Reason.POWER_LOSS, Optional.empty()));
    }
  }

  @Override
  public Optional<ChargePointRequest<?>> prepare(Outbox.Queued queued) {
    return ledger.owns(queued) ? ledger.prepare(queued) : Optional.of(queued.request());
  }

  @Override
  public CallOrigin origin(Outbox.Queued queued) {
    return ledger.owns(queued) ? ledger.origin(queued) : CallOrigin.ONLINE;
  }

  @Override
  public void onAnswered(Outbox.Queued queued, Response response, Runnable settled) {
    if (!ledger.owns(queued)) {
      settled.run();
      return;
    }
    switch (queued.request()) {
      case StartTransactionRequest start when response instanceof StartTransactionResponse answer -> {
        startAnswersBeingSaved.put(answer.transactionId(), new ArrayList<>());
        Runnable answerWaiters = () -> Optional.ofNullable(startAnswersBeingSaved.remove(answer.transactionId()))
            .ifPresent(waiting -> waiting.forEach(Runnable::run));
        ledger.started(queued, new TransactionLedger.StartAnswer(answer.transactionId(), Authorization.decision(answer.idTagInfo())), () -> {
          started(queued.transaction(), start, answer);
          answerWaiters.run();
          settled.run();
        }, answerWaiters);
      }
      case MeterValuesRequest values -> ledger.sampleAnswered(queued, settled);
      case StopTransactionRequest stop -> {
        if (response instanceof StopTransactionResponse stopped) {
          stopped.idTagInfo().ifPresent(info -> stop.idTag().ifPresent(tag -> parts.authorization().remember(tag, Authorization.decision(info))));
        }
        ledger.stopped(queued, settled);
      }
      default -> {
        counters.increment("transaction.unexpectedAnswer");
        LOG.log(Level.ERROR, "transaction {0}: {1} answered with {2}; sent again", queued.transaction(), queued.request().action(), response);
        outbox.queueRecorded(queued, -1);
        settled.run();
      }
    }
  }

  @Override
  public void onGivenUp(Outbox.Queued queued, List<CallError> errors, Runnable settled) {
    if (ledger.owns(queued)) {
      ledger.skipped(queued, errors, settled);
    } else {
      settled.run();
    }
  }

  @Override
  public boolean whenSaved(int transactionId, Runnable again) {
    List<Runnable> waiting = startAnswersBeingSaved.get(transactionId);
    if (waiting == null) {
      return false;
    }
    waiting.add(again);
    return true;
  }

  /** The answer to the start is durable: the transactionId and the idTag's verdict apply now. */
  private void started(long number, StartTransactionRequest request, StartTransactionResponse answer) {
    AuthorizationDecision decision = Authorization.decision(answer.idTagInfo());
    parts.authorization().remember(request.idTag(), decision);
    for (Connector c : connectors) {
      if (c.transaction().filter(tx -> tx.number() == number).isEmpty()) {
        continue;
      }
      Transaction running = c.transaction().get();
      Transaction tx = running.withTransactionId(answer.transactionId())
          .withParentIdTag(decision.parentIdTag().or(running::parentIdTag));
      if (!decision.accepted()) {
        LOG.log(Level.INFO, "connector {0}: the central system did not accept {1}: {2}", c.id(), request.idTag(), answer.idTagInfo().status());
        tx = tx.deauthorize(c.energyWh());
      }
      c.update(tx);
      ledger.update(tx);
      if (tx.deauthorized() && config.bool(CoreKeys.STOP_TRANSACTION_ON_INVALID_ID)) {
        stop(c, Reason.DE_AUTHORIZED, Optional.empty());
      } else {
        parts.availability().refresh(c);
      }
    }
  }

  /** {@return how many transaction messages are saved and still wait for the central system's answer} */
  public int queuedMessages() {
    return outbox.pendingTransactionMessages().size();
  }

  /**
   * {@return every transaction that runs or has a message the central system has not answered yet (the one in
   * flight counts), oldest first; a transaction that ended and was delivered in full is not in it}
   */
  public List<UnsettledTransaction> unsettled() {
    Set<Long> waiting = outbox.pendingTransactionMessages().stream().map(Outbox.Queued::transaction).collect(Collectors.toSet());
    Set<Long> running = connectors.stream().flatMap(c -> c.transaction().stream()).map(Transaction::number).collect(Collectors.toSet());
    return ledger.records().stream()
        .filter(r -> running.contains(r.number()) || waiting.contains(r.number()))
        .map(r -> new UnsettledTransaction(r.connectorId(), r.started(), running.contains(r.number()), waiting.contains(r.number())))
        .toList();
  }

  /** {@return what the charger remembers of every transaction: finished ones first, oldest first} */
  public List<TransactionRecord> records() {
    return ledger.records();
  }
}
