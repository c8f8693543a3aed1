package dev.kilowatt.core.messaging;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CallOrigin;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Everything the charge point sends to the central system goes through here, one call at a time.
 *
 * <p>Transaction messages come from the transaction ledger once they are durable ({@link #queueRecorded}),
 * SecurityEventNotifications are saved here ({@link #sendTransactional}); the {@link DurableQueue} keeps them,
 * retries them and replays them after a power cut. Any other message is sent only while online and fails,
 * never retried, on a disconnection, time-out or CALLERROR.
 */
public final class Outbox {

  private static final System.Logger LOG = System.getLogger(Outbox.class.getName());
  /** Where the saved durable messages are kept; an older version kept its transaction messages there too. */
  public static final String STORAGE_PREFIX = "outbox/";

  /**
   * A saved transaction message.
   * @param sequence its number among the saved messages, which names its storage entry
   * @param transaction the charge point's own number for the transaction (not the central system's transactionId)
   * @param request the message as it was queued
   */
  public record Queued(long sequence, long transaction, ChargePointRequest<?> request) {}

  /** Why a call got no usable answer. */
  public sealed interface Failure {
    /** Not sent: no connection, or the central system has not accepted the charge point. */
    record Offline() implements Failure {}

    /** Sent, but no answer came within the response time-out. */
    record TimedOut() implements Failure {}

    /**
     * The central system answered with a CALLERROR.
     * @param error its code and description
     */
    record Rejected(CallError error) implements Failure {}
  }

  /** Whether a message may go before the central system accepted the charge point. */
  public enum Gate {
    /** Also before acceptance, e.g. the BootNotification itself. */
    ANY_TIME,
    /** Only once the central system accepted the BootNotification (OCPP 1.6 section 4.2). */
    AFTER_ACCEPTANCE
  }

  /** A message waiting or in flight. */
  sealed interface Entry permits Plain, DurableQueue.Durable {
    Gate gate();
  }

  private record Plain(long order, ChargePointRequest<?> request, Gate gate, Consumer<Response> onAnswer, Consumer<Failure> onFailure)
      implements Entry {}

  private final Scheduler scheduler;
  private final Duration responseTimeout;
  private final Deque<Plain> plain = new ArrayDeque<>();
  private final DurableQueue durable;
  private final Counters counters;
  private CentralSystem link;
  private boolean online;
  private boolean accepted;
  /** The order messages are made in, which the durable ones share: see {@link #pick}. */
  private long nextOrder;

  private Entry inFlight;
  private String inFlightId;
  private Scheduler.Timer inFlightTimer;
  private Runnable onCallCompleted = () -> {};
  private final List<Runnable> untilIdle = new ArrayList<>();

  /**
   * Loads the durable messages saved before the last reboot; nothing goes out before {@link #attach}.
   * @param scheduler times the response time-out and the durable messages' retries
   * @param storage where the durable messages survive a power cut
   * @param config holds TransactionMessageAttempts and TransactionMessageRetryInterval
   * @param responseTimeout how long a call waits for its answer before it fails as TimedOut
   * @param counters counts time-outs and answers to calls not in flight
   */
  public Outbox(Scheduler scheduler, Storage storage, Configuration config, Duration responseTimeout, Counters counters) {
    this.scheduler = scheduler;
    this.responseTimeout = responseTimeout;
    this.counters = counters;
    this.durable = new DurableQueue(scheduler, storage, config, counters, () -> nextOrder++, this::pump);
  }

  /**
   * The link the calls go over, and the receiver of the transaction messages' answers.
   * @param link the connection to the central system
   * @param receiver hears the answers to durable messages, also to those saved before a reboot
   */
  public void attach(CentralSystem link, TransactionReceiver receiver) {
    this.link = link;
    durable.attach(receiver);
  }

  /**
   * Heard after every answered call, so the heartbeat can skip a beat.
   * @param listener runs after each CALLRESULT; replaces the one before
   */
  public void onCallCompleted(Runnable listener) {
    this.onCallCompleted = listener;
  }

  /**
   * Runs {@code task} once no call is in flight: at once, or when the call in flight is answered, refused,
   * timed out or lost with the connection. For what ends the connection (new credentials): an answer on
   * its way back over the old connection would be lost, and its call sent again over the new one.
   * @param task runs once, on the event loop
   */
  public void whenIdle(Runnable task) {
    if (inFlight == null) {
      task.run();
    } else {
      untilIdle.add(task);
    }
  }

  /** {@return the saved transaction messages still waiting (also the one in flight), oldest first} */
  public List<Queued> pendingTransactionMessages() {
    return durable.pending();
  }

  /**
   * Sends a message that matters only now; {@code onFailure} hears when it cannot be delivered.
   * @param <R> the answer's type
   * @param request the message
   * @param gate whether it may go before the central system accepted the charge point
   * @param onAnswer hears the CALLRESULT
   * @param onFailure hears why there is no answer; the message is not sent again
   */
  @SuppressWarnings("unchecked")
  public <R extends Response> void send(ChargePointRequest<R> request, Gate gate, Consumer<R> onAnswer, Consumer<Failure> onFailure) {
    if (!online || (gate == Gate.AFTER_ACCEPTANCE && !accepted)) {
      onFailure.accept(new Failure.Offline());
      return;
    }
    plain.add(new Plain(nextOrder++, request, gate, r -> onAnswer.accept((R) r), onFailure));
    pump();
  }

  /**
   * Saves and queues a durable message the ledger does not keep (a SecurityEventNotification).
   * @param transaction the charge point's number of the transaction it belongs to, 0 for none
   * @param request the message
   * @return the message as saved
   */
  public Queued sendTransactional(long transaction, ChargePointRequest<?> request) {
    Queued queued = durable.store(transaction, request);
    pump();
    return queued;
  }

  /**
   * Takes the place in the order of messages of a transaction message whose record is being written, so
   * that what is sent after it (its StatusNotification) waits for it.
   * @return the place, to pass to {@link #queueRecorded}
   */
  public long reserve() {
    return durable.reserve();
  }

  /**
   * Queues a transaction message the ledger has made durable.
   * @param queued the message as recorded
   * @param order the place {@link #reserve} gave it, or {@code -1} to queue it last
   */
  public void queueRecorded(Queued queued, long order) {
    durable.queueRecorded(queued, order);
    pump();
  }

  /** The journal refuses writes: the reserved places may take long, so nothing waits for them any more. */
  public void releaseAllReserved() {
    durable.releaseAllReserved();
    pump();
  }

  /**
   * Takes back a recorded message that has not gone out yet (the queue's bound dropped it).
   * @param queued the message to drop
   */
  public void withdraw(Queued queued) {
    durable.withdraw(queued, inFlight);
  }

  /** The link is up: the messages that may go before acceptance go. */
  public void connected() {
    online = true;
    pump();
  }

  /** The link is down: the call in flight and every plain message fail as Offline; durable ones wait. */
  public void disconnected() {
    online = false;
    accepted = false;
    if (inFlight != null) {
      cancelInFlightTimer();
      Entry lost = inFlight;
      inFlight = null;
      inFlightId = null;
      if (lost instanceof Plain p) {
        p.onFailure().accept(new Failure.Offline());
      }
    }
    while (!plain.isEmpty()) {
      plain.poll().onFailure().accept(new Failure.Offline());
    }
    runWaitingForIdle();
  }

  /** The central system accepted the charge point: everything may flow now. */
  public void accepted() {
    accepted = true;
    pump();
  }

  /** {@return whether a message sent now would go out rather than fail as Offline} */
  public boolean canSendNow() {
    return online && accepted;
  }

  /**
   * The central system answered the call {@code callId}; an answer to any call but the one in flight is ignored.
   * @param callId the CALL's unique id
   * @param response the CALLRESULT's payload
   */
  public void onResult(String callId, Response response) {
    if (!callId.equals(inFlightId)) {
      counters.increment("outbox.unexpectedResult");
      LOG.log(Level.WARNING, "ignoring a CALLRESULT for {0}, which is not the call in flight", callId);
      return;
    }
    Entry done = finishInFlight();
    if (done instanceof Plain p) {
      p.onAnswer().accept(response);
    } else if (done instanceof DurableQueue.Durable d) {
      durable.answered(d, response);
    }
    onCallCompleted.run();
    pump();
  }

  /**
   * The central system refused the call {@code callId}; a CALLERROR to any call but the one in flight is ignored.
   * @param callId the CALL's unique id
   * @param error its code and description
   */
  public void onError(String callId, CallError error) {
    if (!callId.equals(inFlightId)) {
      counters.increment("outbox.unexpectedError");
      return;
    }
    failInFlight(new Failure.Rejected(error));
  }

  private void onTimeout(String callId) {
    if (callId.equals(inFlightId)) {
      counters.increment("outbox.timeouts");
      LOG.log(Level.WARNING, "no answer to call {0} within {1}", callId, responseTimeout);
      failInFlight(new Failure.TimedOut());
    }
  }

  private void failInFlight(Failure failure) {
    Entry failed = finishInFlight();
    if (failed instanceof Plain p) {
      p.onFailure().accept(failure);
      pump();
    } else if (failed instanceof DurableQueue.Durable d) {
      durable.failed(d, failure);
      pump();
    }
  }

  private Entry finishInFlight() {
    cancelInFlightTimer();
    Entry done = inFlight;
    inFlight = null;
    inFlightId = null;
    return done;
  }

  private void pump() {
    if (inFlight != null) {
      return;
    }
    runWaitingForIdle();
    if (!online || link == null) {
      return;
    }
    Entry next = durable.backingOff() ? pickDuringBackOff() : pick();
    if (next == null) {
      return;
    }
    ChargePointRequest<?> request;
    if (next instanceof Plain p) {
      plain.remove(p);
      request = p.request();
    } else {
      Optional<ChargePointRequest<?>> prepared = durable.prepare((DurableQueue.Durable) next);
      if (prepared.isEmpty()) {
        pump();
        return;
      }
      request = prepared.get();
    }
    inFlight = next;
    inFlightId = UUID.randomUUID().toString();
    String id = inFlightId;
    inFlightTimer = scheduler.schedule(responseTimeout, () -> onTimeout(id));
    CallOrigin origin = next instanceof DurableQueue.Durable d ? durable.origin(d) : CallOrigin.ONLINE;
    link.send(id, request, origin);
  }

  /**
   * Messages go in the order they were made, so the central system sees a StopTransaction before the
   * StatusNotification that follows it. Only a driver waiting at the charger (Authorize) and the boot
   * itself may overtake a backlog of transaction messages.
   */
  private Entry pick() {
    DurableQueue.Durable oldestDurable = accepted ? durable.next().orElse(null) : null;
    long firstReserved = durable.firstReserved();
    for (Plain p : plain) {
      if (p.gate() == Gate.ANY_TIME || accepted) {
        boolean urgent = p.request() instanceof AuthorizeRequest || p.request() instanceof BootNotificationRequest;
        long before = Math.min(firstReserved, oldestDurable == null ? Long.MAX_VALUE : oldestDurable.order());
        return urgent || p.order() < before ? p : oldestDurable;
      }
    }
    return oldestDurable;
  }

  /**
   * While the oldest transaction message waits out its retry back-off, the messages about now go ahead of
   * it: section 3.7 asks transaction messages to keep their order among themselves, not to hold back the
   * driver's Authorize, the connectors' StatusNotification or the Heartbeat for minutes.
   */
  private Entry pickDuringBackOff() {
    for (Plain p : plain) {
      if ((p.gate() == Gate.ANY_TIME || accepted) && aboutNow(p.request())) {
        return p;
      }
    }
    return null;
  }

  private static boolean aboutNow(ChargePointRequest<?> request) {
    return request instanceof AuthorizeRequest || request instanceof StatusNotificationRequest || request instanceof HeartbeatRequest
        || request instanceof BootNotificationRequest;
  }

  private void runWaitingForIdle() {
    List<Runnable> due = List.copyOf(untilIdle);
    untilIdle.clear();
    due.forEach(Runnable::run);
  }

  private void cancelInFlightTimer() {
    if (inFlightTimer != null) {
      inFlightTimer.cancel();
      inFlightTimer = null;
    }
  }

  /**
   * Whether the transaction ledger keeps {@code request}: StartTransaction, StopTransaction and MeterValues.
   * @param request any message to the central system
   * @return whether it is a transaction message
   */
  public static boolean transactionMessage(ChargePointRequest<?> request) {
    return request instanceof StartTransactionRequest || request instanceof StopTransactionRequest || request instanceof MeterValuesRequest;
  }
}
