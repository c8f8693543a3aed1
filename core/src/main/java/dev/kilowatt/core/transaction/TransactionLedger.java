package dev.kilowatt.core.transaction;

import dev.kilowatt.core.authorization.AuthorizationDecision;
import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.ledger.Ledger;
import dev.kilowatt.core.ledger.QueuedMessage;
import dev.kilowatt.core.ledger.SampleThinning;
import dev.kilowatt.core.ledger.TransactionRecord;
import dev.kilowatt.core.ledger.TransactionRecord.Delivery;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Measurand;
import dev.kilowatt.core.message.MeterValue;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.SampledValue;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.UnitOfMeasure;
import dev.kilowatt.core.message.ValueFormat;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.messaging.Outbox.Queued;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CallOrigin;
import dev.kilowatt.core.port.Journal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The durable record of every transaction and its messages, on the {@link Ledger} (docs/ledger.md). Each
 * step is one record written before it is acted on: the start before StartTransaction goes out, the
 * answer (transactionId and "delivered" at once) before the transactionId is used, each sample and the
 * stop before they go out, each answer before the next message. Answered transactions move to a bounded
 * history. Owns the open transactions' message state; the running transaction itself lives on its connector.
 */
public final class TransactionLedger {

  static final String COUNTER = "tx-counter";
  /** How many finished transactions the history keeps. */
  static final int HISTORY = 200;
  private static final long START = 0;
  private static final long STOP = Long.MAX_VALUE;

  /**
   * The central system's answer to a StartTransaction; {@code idTagInfo} is named as in 1.6, so older journals read.
   *
   * @param transactionId the id the central system assigned
   * @param idTagInfo its decision on the idTag that started the transaction
   */
  public record StartAnswer(int transactionId, AuthorizationDecision idTagInfo) {}

  /**
   * A message the central system failed to process TransactionMessageAttempts times, as it said.
   *
   * @param errors the CALLERRORs it answered, each as "code: description", first attempt first
   */
  public record Skipped(List<String> errors) {}

  private final Ledger ledger;
  private final Outbox outbox;
  private final SampleThinning thinning;
  private final Counters counters;
  private final OfflineMessages offline;
  private final Map<Long, OpenTransaction> open = new LinkedHashMap<>();
  private final Deque<TransactionRecord> history = new ArrayDeque<>();
  /** Replayed messages, by the journal position of their record, to queue once the station starts. */
  private final TreeMap<Long, Queued> replayed = new TreeMap<>();
  private long nextNumber = 1;

  /**
   * The transaction records, replayed from {@code ledger}'s journal.
   *
   * @param ledger the journal every step is written to before it is acted on
   * @param outbox sends the transaction messages, and withdraws a thinned sample
   * @param thinning bounds the periodic samples waiting while offline, thinning them where they are densest
   * @param counters counts the thinned samples
   */
  public TransactionLedger(Ledger ledger, Outbox outbox, SampleThinning thinning, Counters counters) {
    this.ledger = ledger;
    this.counters = counters;
    this.outbox = outbox;
    this.thinning = thinning;
    this.offline = new OfflineMessages(ledger, outbox);
    replay(ledger.replay());
  }

  static String key(long number, String part) {
    return "tx/" + number + "/" + part;
  }

  static String sampleKey(long number, long sample) {
    // fixed width, so forgetting one sample's key as a prefix forgets no other
    return key(number, String.format("sample/%012d", sample));
  }

  private static String historyKey(long number) {
    return String.format("history/%012d", number);
  }

  /** The number for the next transaction; recorded with its start. */
  long takeNumber() {
    return nextNumber++;
  }

  /** Numbers below {@code next} were used by an older version. */
  void numbersFrom(long next) {
    nextNumber = Math.max(nextNumber, next);
  }

  /** Records the number counter; {@code durable} runs once it, and so every record before it, survives a cut. */
  void recordCounter(Runnable durable) {
    ledger.write(COUNTER, new Transactions.TransactionCounter(nextNumber), durable);
  }

  boolean writable() {
    return ledger.writable();
  }

  /** Records a new transaction; StartTransaction goes out once the record is durable. */
  void start(Transaction tx) {
    OpenTransaction o = new OpenTransaction(tx);
    open.put(tx.number(), o);
    ledger.write(COUNTER, new Transactions.TransactionCounter(nextNumber), () -> {});
    Queued start = new Queued(START, tx.number(), startRequest(tx));
    offline.made(tx.number(), START);
    long order = place();
    ledger.write(key(tx.number(), "start"), tx, () -> outbox.queueRecorded(start, order));
  }

  /** Records a sample of the running transaction and the transaction as it stands; it goes out once durable. */
  void sample(Transaction running, MeterValuesRequest values) {
    OpenTransaction o = open.get(running.number());
    o.running = running;
    Queued sample = new Queued(o.nextSample++, running.number(), values);
    o.samples.put(sample.sequence(), sample);
    ledger.write(key(running.number(), "running"), running, () -> {});
    offline.made(running.number(), sample.sequence());
    long order = place();
    // a sample thinned before its record is durable is queued all the same: prepare() drops it
    ledger.write(sampleKey(running.number(), sample.sequence()), sample, () -> outbox.queueRecorded(sample, order));
    bound();
  }

  /** Records the transaction's last state without a message (the central system's verdict on its idTag). */
  void update(Transaction running) {
    Optional.ofNullable(open.get(running.number())).ifPresent(o -> o.running = running);
    ledger.write(key(running.number(), "running"), running, () -> {});
  }

  /** Records the stop; StopTransaction goes out once the record is durable. */
  void stop(Transaction tx, StopTransactionRequest request) {
    OpenTransaction o = open.get(tx.number());
    o.running = tx;
    Queued stop = new Queued(STOP, tx.number(), request);
    o.stop = Optional.of(stop);
    offline.made(tx.number(), STOP);
    long order = place();
    ledger.write(key(tx.number(), "stop"), stop, () -> outbox.queueRecorded(stop, order));
  }

  /**
   * Records a transaction an older version kept in storage, with its unanswered messages, and queues
   * them once durable. Without a known transactionId the start is sent again: a possible duplicate at the
   * central system is better than a transaction it can never close.
   */
  void adopt(Transaction tx, Optional<Integer> transactionId, List<ChargePointRequest<?>> unanswered, Runnable durable) {
    OpenTransaction o = new OpenTransaction(tx);
    open.put(tx.number(), o);
    nextNumber = Math.max(nextNumber, tx.number() + 1);
    ledger.write(COUNTER, new Transactions.TransactionCounter(nextNumber), () -> {});
    ledger.write(key(tx.number(), "start"), tx, () -> {});
    List<Queued> queue = new ArrayList<>();
    transactionId.ifPresentOrElse(id -> {
      StartAnswer answer = new StartAnswer(id, AuthorizationDecision.of(AuthorizationDecision.Status.ACCEPTED));
      o.answer = Optional.of(answer);
      ledger.write(key(tx.number(), "answer"), answer, () -> {});
    }, () -> queue.add(new Queued(START, tx.number(), startRequest(tx))));
    for (ChargePointRequest<?> request : unanswered) {
      if (request instanceof MeterValuesRequest) {
        Queued sample = new Queued(o.nextSample++, tx.number(), request);
        o.samples.put(sample.sequence(), sample);
        ledger.write(sampleKey(tx.number(), sample.sequence()), sample, () -> {});
        queue.add(sample);
      } else if (request instanceof StopTransactionRequest) {
        o.stop = Optional.of(new Queued(STOP, tx.number(), request));
        ledger.write(key(tx.number(), "stop"), o.stop.get(), () -> {});
        queue.add(o.stop.get());
      }
    }
    ledger.write(key(tx.number(), "running"), tx, () -> {
      queue.forEach(q -> outbox.queueRecorded(q, -1));
      durable.run();
    });
  }

  /** Transactions the last power cut interrupted: recorded as started, never stopped. */
  List<Transaction> interrupted() {
    return open.values().stream().filter(o -> o.stop.isEmpty()).map(o -> o.running).toList();
  }

  /** Queues what the journal held unanswered, in the order it was recorded. */
  void resend() {
    replayed.values().forEach(q -> outbox.queueRecorded(q, -1));
    replayed.clear();
  }

  /** A place in the order of messages, unless the journal refuses writes and the record may take long. */
  private long place() {
    return ledger.writable() ? outbox.reserve() : -1;
  }

  /** Whether the message is one of the ledger's (not a SecurityEventNotification, say). */
  boolean owns(Queued queued) {
    return open.containsKey(queued.transaction()) && Outbox.transactionMessage(queued.request());
  }

  /** The request as it goes out now, with the transactionId the answer to its start brought. */
  Optional<ChargePointRequest<?>> prepare(Queued queued) {
    OpenTransaction o = open.get(queued.transaction());
    if (o == null) {
      return Optional.empty();
    }
    Optional<Integer> id = o.answer.map(StartAnswer::transactionId);
    return switch (queued.request()) {
      case MeterValuesRequest values -> o.samples.containsKey(queued.sequence())
          ? Optional.of(new MeterValuesRequest(values.connectorId(), id, values.meterValue())) : Optional.empty();
      case StopTransactionRequest stop when o.startSkipped -> Optional.of(Ocpp16Samples.stopAsMeterValues(o.running.connectorId(), stop));
      case StopTransactionRequest stop -> Optional.of(new StopTransactionRequest(stop.idTag(), stop.meterStop(), stop.timestamp(),
          id.orElse(0), stop.reason(), stop.transactionData()));
      default -> Optional.of(queued.request());
    };
  }

  /** Whether {@code queued}, one of the ledger's, was made while the central system could not be reached. */
  CallOrigin origin(Queued queued) {
    return offline.origin(queued);
  }

  /** The central system answered a StartTransaction: one record stores the id and marks the start delivered; {@code held} hears a fault delay it. */
  void started(Queued queued, StartAnswer answer, Runnable durable, Runnable held) {
    OpenTransaction o = open.get(queued.transaction());
    ledger.write(key(queued.transaction(), "answer"), answer, () -> {
      o.answer = Optional.of(answer);
      durable.run();
    }, held);
  }

  /** The central system answered a sample: forgetting it is its one record. */
  void sampleAnswered(Queued queued, Runnable settled) {
    OpenTransaction o = open.get(queued.transaction());
    o.samples.remove(queued.sequence());
    offline.settled(queued.transaction(), queued.sequence());
    ledger.forget(sampleKey(queued.transaction(), queued.sequence()), settled);
  }

  /** The central system answered the stop: the transaction moves to the history in one record. */
  void stopped(Queued queued, Runnable settled) {
    OpenTransaction o = open.get(queued.transaction());
    finish(o, o.startSkipped ? Delivery.SENT_AS_METER_VALUES : Delivery.ACCEPTED, settled);
  }

  /** The central system failed to process a message TransactionMessageAttempts times: recorded as skipped. */
  void skipped(Queued queued, List<CallError> errors, Runnable settled) {
    OpenTransaction o = open.get(queued.transaction());
    Skipped skipped = new Skipped(errors.stream().map(e -> e.code() + ": " + e.description()).toList());
    switch (queued.request()) {
      case StartTransactionRequest start -> ledger.write(key(o.number(), "answer"), skipped, () -> {
        o.startSkipped = true;
        settled.run();
      });
      case MeterValuesRequest values -> {
        o.samples.remove(queued.sequence());
        o.skipped++;
        ledger.write(sampleKey(o.number(), queued.sequence()), skipped, settled);
      }
      default -> finish(o, Delivery.SKIPPED, settled);
    }
  }

  private void finish(OpenTransaction o, Delivery stop, Runnable settled) {
    TransactionRecord done = o.record(stop);
    open.remove(o.number());
    offline.finished(o.number());
    history.add(done);
    // The history record alone settles the transaction: replay forgets the messages of one it finds there.
    ledger.write(historyKey(o.number()), done, settled);
    ledger.forget(key(o.number(), ""), ledger::compactIfWorthIt);
    while (history.size() > HISTORY) {
      ledger.forget(historyKey(history.poll().number()), () -> {});
    }
  }

  /** Every transaction the charger remembers, finished ones first, oldest first. */
  List<TransactionRecord> records() {
    List<TransactionRecord> all = new ArrayList<>(history);
    open.values().forEach(o -> all.add(o.record(Delivery.WAITING)));
    return all;
  }

  static StartTransactionRequest startRequest(Transaction tx) {
    return new StartTransactionRequest(tx.connectorId(), tx.idTag(), (int) tx.meterStartWh(), tx.reservationId(), tx.started());
  }

  /** Keeps at most the limit of periodic samples waiting; starts, stops and clock-aligned samples stay. */
  private void bound() {
    List<QueuedMessage> waiting = new ArrayList<>();
    Map<QueuedMessage, Queued> queued = new LinkedHashMap<>();
    long order = 0;
    for (OpenTransaction o : open.values()) {
      if (o.answer.isEmpty() && !o.startSkipped) {
        waiting.add(new QueuedMessage(order++, Long.toString(o.number()), QueuedMessage.Kind.START, o.running.started()));
      }
      for (Queued sample : o.samples.values()) {
        MeterValuesRequest values = (MeterValuesRequest) sample.request();
        QueuedMessage message = new QueuedMessage(order++, Long.toString(o.number()), Ocpp16Samples.kind(values),
            values.meterValue().getFirst().timestamp());
        waiting.add(message);
        queued.put(message, sample);
      }
    }
    for (QueuedMessage dropped : thinning.thin(waiting)) {
      Queued sample = queued.get(dropped);
      open.get(sample.transaction()).samples.remove(sample.sequence());
      outbox.withdraw(sample);
      counters.increment("transaction.samplesThinned");
      offline.settled(sample.transaction(), sample.sequence());
      ledger.forget(sampleKey(sample.transaction(), sample.sequence()), () -> {});
    }
  }

  private void replay(List<Journal.Entry> entries) {
    Map<Long, TransactionRecord> finished = new TreeMap<>();
    for (Journal.Entry entry : entries) {
      entry.payload(Transactions.TransactionCounter.class).ifPresent(c -> nextNumber = Math.max(nextNumber, c.next()));
      entry.payload(TransactionRecord.class).ifPresent(r -> finished.put(r.number(), r));
      String[] parts = entry.key().split("/");
      if (parts.length < 3 || !parts[0].equals("tx")) {
        continue;
      }
      long number = Long.parseLong(parts[1]);
      nextNumber = Math.max(nextNumber, number + 1);
      replayed(entry, number, parts[2]);
    }
    history.addAll(finished.values());
    for (Long number : finished.keySet()) {
      if (open.remove(number) != null) {
        offline.finished(number);
        // a cut between the history record and the forget: the transaction is done, its records are not
        replayed.values().removeIf(q -> q.transaction() == number);
        ledger.forget(key(number, ""), () -> {});
      }
    }
  }

  private void replayed(Journal.Entry entry, long number, String part) {
    if (part.equals("offline")) {
      offline.replayed(entry, number); // written before the start it may mark
      return;
    }
    if (part.equals("start")) {
      Transaction tx = entry.payload(Transaction.class).orElseThrow();
      open.put(number, new OpenTransaction(tx));
      replayed.put(entry.sequence(), new Queued(START, number, startRequest(tx)));
      return;
    }
    OpenTransaction o = open.get(number);
    if (o == null) {
      return;
    }
    switch (part) {
      case "running" -> entry.payload(Transaction.class).ifPresent(tx -> o.running = tx);
      case "answer" -> {
        entry.payload(StartAnswer.class).ifPresent(a -> o.answer = Optional.of(a));
        o.startSkipped = entry.payload(Skipped.class).isPresent();
        replayed.values().removeIf(q -> q.transaction() == number && q.sequence() == START);
      }
      case "sample" -> {
        entry.payload(Queued.class).ifPresent(q -> {
          o.samples.put(q.sequence(), q);
          replayed.put(entry.sequence(), q);
        });
        entry.payload(Skipped.class).ifPresent(s -> o.skipped++);
        o.nextSample = Math.max(o.nextSample, Long.parseLong(entry.key().substring(entry.key().lastIndexOf('/') + 1)) + 1);
      }
      case "stop" -> entry.payload(Queued.class).ifPresent(q -> {
        o.stop = Optional.of(q);
        replayed.put(entry.sequence(), q);
      });
      default -> {}
    }
  }
}
