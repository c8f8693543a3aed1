package dev.kilowatt.core.messaging;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.messaging.Outbox.Failure;
import dev.kilowatt.core.messaging.Outbox.Queued;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CallOrigin;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The outbox's messages that must survive a power cut, and the one owner of what that takes: their saved
 * copies, the places reserved for them, their attempts and back-off, and the wait for the ledger to settle an
 * answer. The {@link Outbox} decides when one goes out; this decides what happens when it fails.
 *
 * <p>Transaction messages (StartTransaction, StopTransaction, a transaction's MeterValues) come from the
 * transaction ledger once they are durable ({@link #queueRecorded}); the ledger also makes each answer
 * durable, and the next transaction message waits until it has ({@link TransactionReceiver}). A missing
 * answer (time-out, disconnection) is a transport failure: the message is sent again, forever, waiting
 * {@code TransactionMessageRetryInterval} times the attempts so far (at most TransactionMessageAttempts
 * times). Only CALLERRORs may skip it, once {@code TransactionMessageAttempts} of them came (OCPP 1.6
 * section 3.7.1: the central system reports that it failed to process the message).
 *
 * <p>Other durable messages (SecurityEventNotification) are saved in {@link Storage} until answered and
 * given up after TransactionMessageAttempts failures, at once on NotImplemented or NotSupported.
 */
final class DurableQueue {

  /** The outbox's logger, which an embedder's log configuration already names. */
  private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

  /** A durable message; {@code recorded} when the ledger keeps it, else it is saved in storage here. */
  record Durable(long order, Queued queued, boolean recorded) implements Outbox.Entry {
    @Override
    public Outbox.Gate gate() {
      return Outbox.Gate.AFTER_ACCEPTANCE;
    }
  }

  private final Scheduler scheduler;
  private final Storage storage;
  private final Configuration config;
  private final Counters counters;
  /** The outbox's order of messages, which durable and other messages share. */
  private final LongSupplier nextOrder;
  /** Sends what may go now; run when a back-off or a settling ends. */
  private final Runnable pump;
  private final PriorityQueue<Durable> durable = new PriorityQueue<>(Comparator.comparingLong(Durable::order));
  /** Places taken by transaction messages whose record is not durable yet: later plain messages wait for them. */
  private final NavigableSet<Long> reserved = new TreeSet<>();
  private TransactionReceiver receiver;
  private long storedSequence;
  private int attempts;
  private final List<CallError> errors = new ArrayList<>();
  private boolean settling;
  private Scheduler.Timer retryTimer;

  /** Loads the messages saved before the last reboot, in their order. */
  DurableQueue(Scheduler scheduler, Storage storage, Configuration config, Counters counters, LongSupplier nextOrder, Runnable pump) {
    this.scheduler = scheduler;
    this.storage = storage;
    this.config = config;
    this.counters = counters;
    this.nextOrder = nextOrder;
    this.pump = pump;
    for (String key : storage.keys(Outbox.STORAGE_PREFIX)) {
      storage.load(key, Queued.class).ifPresentOrElse(q -> {
        storedSequence = Math.max(storedSequence, q.sequence() + 1);
        if (!Outbox.transactionMessage(q.request())) {
          durable.add(new Durable(nextOrder.getAsLong(), q, false));
        } // an older version's transaction messages: the ledger takes them over and deletes them
      }, () -> {
        counters.increment("outbox.unreadable");
        storage.delete(key);
      });
    }
  }

  void attach(TransactionReceiver receiver) {
    this.receiver = receiver;
  }

  /** The messages still waiting, oldest first. */
  List<Queued> pending() {
    return durable.stream().sorted(Comparator.comparingLong(Durable::order)).map(Durable::queued).toList();
  }

  /** Saves and queues a durable message the ledger does not keep. */
  Queued store(long transaction, ChargePointRequest<?> request) {
    Queued queued = new Queued(storedSequence++, transaction, request);
    storage.save(key(queued), queued);
    durable.add(new Durable(nextOrder.getAsLong(), queued, false));
    return queued;
  }

  /** Takes the place in the order of a transaction message whose record is being written. */
  long reserve() {
    long order = nextOrder.getAsLong();
    reserved.add(order);
    return order;
  }

  /** Queues a transaction message the ledger has made durable, at the place it reserved, or last if none ({@code -1}). */
  void queueRecorded(Queued queued, long order) {
    reserved.remove(order);
    durable.add(new Durable(order < 0 ? nextOrder.getAsLong() : order, queued, true));
  }

  void releaseAllReserved() {
    reserved.clear();
  }

  /** Takes back a recorded message unless it is {@code inFlight}. */
  void withdraw(Queued queued, Outbox.Entry inFlight) {
    durable.removeIf(d -> d.recorded() && d.queued().equals(queued) && d != inFlight);
  }

  /** The place of the first transaction message whose record is still being written; nothing made after it goes before it. */
  long firstReserved() {
    return reserved.isEmpty() ? Long.MAX_VALUE : reserved.first();
  }

  /** The oldest message, unless an answer is being settled or a message made before it is still being recorded. */
  Optional<Durable> next() {
    Durable oldest = settling ? null : durable.peek();
    return Optional.ofNullable(oldest).filter(d -> d.order() <= firstReserved());
  }

  /** The oldest message failed and waits before it is sent again. */
  boolean backingOff() {
    return retryTimer != null;
  }

  /** The request as the receiver wants it sent now; empty when the receiver dropped it, and so is it here. */
  Optional<ChargePointRequest<?>> prepare(Durable d) {
    Optional<ChargePointRequest<?>> prepared = receiver.prepare(d.queued());
    if (prepared.isEmpty()) {
      if (!d.recorded()) {
        storage.delete(key(d.queued()));
      }
      durable.remove(d);
      resetAttempts();
    }
    return prepared;
  }

  /** Whether the receiver recorded {@code d} as made while the link was down. */
  CallOrigin origin(Durable d) {
    return receiver.origin(d.queued());
  }

  void answered(Durable d, Response response) {
    resetAttempts();
    durable.remove(d);
    settle(d, settled -> receiver.onAnswered(d.queued(), response, settled));
  }

  /** Sends it again after a back-off, or gives it up when the attempts (for a recorded one: the CALLERRORs) are spent. */
  void failed(Durable d, Failure failure) {
    attempts++;
    int maxAttempts = Math.max(1, config.integer(CoreKeys.TRANSACTION_MESSAGE_ATTEMPTS));
    if (failure instanceof Failure.Rejected rejected) {
      errors.add(rejected.error());
    }
    // a recorded message is skipped only on CALLERRORs (section 3.7.1); a stored one on any failure
    boolean giveUp = d.recorded() ? errors.size() >= maxAttempts : attempts >= maxAttempts || unknownToCentralSystem(failure);
    if (giveUp) {
      LOG.log(Level.ERROR, "giving up {0} of transaction {1} after {2} attempts: {3}", d.queued().request().action().ocppName(),
          d.queued().transaction(), attempts, errors.isEmpty() ? failure : errors);
      counters.increment(d.recorded() ? "outbox.skipped" : "outbox.givenUp");
      List<CallError> reported = List.copyOf(errors);
      resetAttempts();
      durable.remove(d);
      settle(d, settled -> receiver.onGivenUp(d.queued(), reported, settled));
    } else {
      retryLater(Math.min(attempts, maxAttempts));
    }
  }

  private void retryLater(int multiple) {
    Duration wait = Duration.ofSeconds((long) config.integer(CoreKeys.TRANSACTION_MESSAGE_RETRY_INTERVAL) * multiple);
    retryTimer = scheduler.schedule(wait, () -> {
      retryTimer = null;
      pump.run();
    });
  }

  private void resetAttempts() {
    attempts = 0;
    errors.clear();
  }

  /** A stored message is done once deleted; a recorded one holds the queue until the ledger settled it. */
  private void settle(Durable d, Consumer<Runnable> tellReceiver) {
    if (!d.recorded()) {
      storage.delete(key(d.queued()));
      tellReceiver.accept(() -> {});
      return;
    }
    settling = true;
    tellReceiver.accept(() -> {
      settling = false;
      pump.run();
    });
  }

  /** NotImplemented or NotSupported: the central system does not handle the action at all; asking again cannot help. */
  private static boolean unknownToCentralSystem(Failure failure) {
    return failure instanceof Failure.Rejected rejected
        && (rejected.error().code() == CallError.Code.NOT_IMPLEMENTED || rejected.error().code() == CallError.Code.NOT_SUPPORTED);
  }

  private static String key(Queued queued) {
    return Outbox.STORAGE_PREFIX + String.format("%020d", queued.sequence());
  }
}
