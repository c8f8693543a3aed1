package dev.kilowatt.core.transaction;

import dev.kilowatt.core.authorization.Authorization;
import dev.kilowatt.core.availability.Availability;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.reservation.Reservations;
import dev.kilowatt.core.smartcharging.SmartCharging;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The start and stop of transactions, their durable messages, and their recovery after a power cut. The
 * transaction itself lives on its connector, saved on every change.
 */
public final class Transactions implements Outbox.TransactionReceiver {

  private static final System.Logger LOG = System.getLogger(Transactions.class.getName());
  public static final String TRANSACTION_PREFIX = "transaction/";
  static final String TRANSACTION_ID_PREFIX = "transaction-id/";
  static final String COUNTER_KEY = "transaction-counter";

  /** The next transaction number; persisted so numbers never repeat across reboots. */
  public record TransactionCounter(long next) {}

  /** The transactionId the central system assigned to one of our transactions. */
  public record TransactionIds(long number, int transactionId) {}

  /** The blocks a start or a stop touches. */
  public record Parts(Authorization authorization, Reservations reservations, SmartCharging smartCharging, Availability availability,
      MeterSampling sampling, Runnable onEnded) {}

  private final Storage storage;
  private final Configuration config;
  private final Counters counters;
  private final Outbox outbox;
  private final Supplier<Instant> clock;
  private final List<Connector> connectors;
  private final Parts parts;
  private long nextNumber;

  public Transactions(Storage storage, Configuration config, Counters counters, Outbox outbox, Supplier<Instant> clock,
      List<Connector> connectors, Parts parts) {
    this.storage = storage;
    this.config = config;
    this.counters = counters;
    this.outbox = outbox;
    this.clock = clock;
    this.connectors = connectors;
    this.parts = parts;
    long saved = storage.load(COUNTER_KEY, TransactionCounter.class).map(TransactionCounter::next).orElse(1L);
    nextNumber = Math.max(saved, afterRunningTransactions());
    if (nextNumber > saved) {
      storage.save(COUNTER_KEY, new TransactionCounter(nextNumber));
    }
  }

  /**
   * The number after those of the transactions saved as running. {@link #start} saves the counter only after
   * the StartTransaction has gone out, so a power cut in between leaves the counter behind the saved
   * transaction; the constructor then catches it up, and saves it before recovery deletes that transaction.
   */
  private long afterRunningTransactions() {
    return storage.keys(TRANSACTION_PREFIX).stream()
        .flatMap(key -> storage.load(key, Transaction.class).stream())
        .mapToLong(tx -> tx.number() + 1)
        .max().orElse(1L);
  }

  public boolean anyRunning() {
    return connectors.stream().anyMatch(c -> c.transaction().isPresent());
  }

  public void start(Connector c, String idTag, IdTagInfo info, Optional<Integer> reservationId, Optional<ChargingProfile> txProfile) {
    reservationId = reservationId.filter(parts.reservations()::use);
    long number = nextNumber++;
    Instant now = clock.get();
    Transaction tx = Transaction.begin(number, c.id(), idTag, info.parentIdTag(), now, c.energyWh(), reservationId);
    tx = parts.sampling().withStopSample(c, tx, ReadingContext.TRANSACTION_BEGIN);
    c.begin(tx);
    storage.save(TRANSACTION_PREFIX + c.id(), tx);
    outbox.sendTransactional(number, new StartTransactionRequest(c.id(), idTag, (int) tx.meterStartWh(), reservationId, now));
    // After the send: one flash write less before StartTransaction. The saved transaction holds the number
    // until then, and the constructor reads it back after a power cut.
    storage.save(COUNTER_KEY, new TransactionCounter(nextNumber));
    txProfile.ifPresent(profile -> parts.smartCharging().installForNewTransaction(c, profile));
    parts.sampling().arm(c);
    parts.availability().refresh(c);
  }

  public void stop(Connector c, Reason reason, Optional<String> idTag) {
    Transaction tx = parts.sampling().withStopSample(c, c.transaction().orElseThrow(), ReadingContext.TRANSACTION_END);
    queueStop(tx, (long) Math.floor(c.energyWh()), clock.get(), reason, idTag);
    storage.delete(TRANSACTION_PREFIX + c.id());
    c.end();
    parts.sampling().cancel(c);
    parts.smartCharging().transactionEnded(c);
    parts.availability().apply();
    parts.availability().refresh(c);
    parts.onEnded().run();
  }

  /** Stops every running transaction, as before a reset. */
  public void stopAll(Reason reason) {
    connectors.stream().filter(c -> c.transaction().isPresent()).forEach(c -> stop(c, reason, Optional.empty()));
  }

  private void queueStop(Transaction tx, long meterStopWh, Instant at, Reason reason, Optional<String> idTag) {
    // the transactionId is filled in when the message goes out: a transaction started offline has none yet
    outbox.sendTransactional(tx.number(), new StopTransactionRequest(idTag, (int) Math.max(meterStopWh, tx.meterStartWh()), at,
        tx.transactionId().orElse(0), Optional.of(reason), tx.stopData()));
  }

  /** A transaction saved but never stopped means the power went while it ran (AQ-7.2: report after the boot). */
  public void recoverInterrupted() {
    for (Connector c : connectors) {
      storage.load(TRANSACTION_PREFIX + c.id(), Transaction.class).ifPresent(tx -> {
        boolean stopAlreadyQueued = outbox.pendingTransactionMessages().stream()
            .anyMatch(q -> q.transaction() == tx.number() && q.request() instanceof StopTransactionRequest);
        if (!stopAlreadyQueued) {
          LOG.log(Level.WARNING, "connector {0}: transaction {1} was interrupted by a power loss", c.id(), tx.number());
          queueStop(tx, (long) Math.floor(tx.lastEnergyWh()), tx.lastSeen(), Reason.POWER_LOSS, Optional.empty());
        }
        storage.delete(TRANSACTION_PREFIX + c.id());
      });
    }
  }

  @Override
  public Optional<ChargePointRequest<?>> prepare(Outbox.Queued queued) {
    return switch (queued.request()) {
      case StopTransactionRequest stop -> transactionIdOf(queued.transaction())
          .map(id -> new StopTransactionRequest(stop.idTag(), stop.meterStop(), stop.timestamp(), id, stop.reason(), stop.transactionData()));
      case MeterValuesRequest values -> transactionIdOf(queued.transaction())
          .map(id -> new MeterValuesRequest(values.connectorId(), Optional.of(id), values.meterValue()));
      default -> Optional.of(queued.request());
    };
  }

  private Optional<Integer> transactionIdOf(long number) {
    Optional<Integer> id = connectors.stream().flatMap(c -> c.transaction().stream()).filter(tx -> tx.number() == number).findFirst()
        .flatMap(Transaction::transactionId)
        .or(() -> storage.load(TRANSACTION_ID_PREFIX + number, TransactionIds.class).map(TransactionIds::transactionId));
    if (id.isEmpty()) {
      counters.increment("transaction.messageWithoutId");
      LOG.log(Level.ERROR, "transaction {0} never got a transactionId from the central system; dropping its message", number);
    }
    return id;
  }

  @Override
  public void onAnswered(Outbox.Queued queued, Response response) {
    switch (response) {
      case StartTransactionResponse started -> started(queued, started);
      case StopTransactionResponse stopped -> {
        StopTransactionRequest request = (StopTransactionRequest) queued.request();
        stopped.idTagInfo().ifPresent(info -> request.idTag().ifPresent(tag -> parts.authorization().remember(tag, info)));
        storage.delete(TRANSACTION_ID_PREFIX + queued.transaction());
      }
      default -> {}
    }
  }

  @Override
  public void onGivenUp(Outbox.Queued queued) {
    if (queued.request() instanceof StopTransactionRequest) {
      storage.delete(TRANSACTION_ID_PREFIX + queued.transaction());
    }
  }

  private void started(Outbox.Queued queued, StartTransactionResponse answer) {
    StartTransactionRequest request = (StartTransactionRequest) queued.request();
    storage.save(TRANSACTION_ID_PREFIX + queued.transaction(), new TransactionIds(queued.transaction(), answer.transactionId()));
    parts.authorization().remember(request.idTag(), answer.idTagInfo());
    for (Connector c : connectors) {
      if (c.transaction().filter(tx -> tx.number() == queued.transaction()).isEmpty()) {
        continue;
      }
      Transaction running = c.transaction().get();
      Transaction tx = running.withTransactionId(answer.transactionId())
          .withParentIdTag(answer.idTagInfo().parentIdTag().or(running::parentIdTag));
      if (answer.idTagInfo().status() != AuthorizationStatus.ACCEPTED) {
        LOG.log(Level.INFO, "connector {0}: the central system did not accept {1}: {2}", c.id(), request.idTag(), answer.idTagInfo().status());
        tx = tx.deauthorize();
      }
      c.update(tx);
      storage.save(TRANSACTION_PREFIX + c.id(), tx);
      if (tx.deauthorized() && config.bool(CoreKeys.STOP_TRANSACTION_ON_INVALID_ID)) {
        stop(c, Reason.DE_AUTHORIZED, Optional.empty());
      } else {
        parts.availability().refresh(c);
      }
    }
  }

  /** How many transaction messages are saved and still wait for the central system's answer. */
  public int queuedMessages() {
    return outbox.pendingTransactionMessages().size();
  }
}
