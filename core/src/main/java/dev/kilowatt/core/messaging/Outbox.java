package dev.kilowatt.core.messaging;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
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
 * <p>Transaction messages (StartTransaction, StopTransaction, a transaction's MeterValues) are saved
 * before they are queued and deleted only once the central system answered, so they survive power loss
 * and are delivered in order after it; they are retried {@code TransactionMessageAttempts} times,
 * waiting {@code TransactionMessageRetryInterval} times the number of attempts so far, before they
 * are given up (at once when the central system answers NotImplemented or NotSupported). Any other message is sent only while online and is answered with a failure, never
 * retried, when the connection drops, the call times out or the central system answers with an error.
 */
public final class Outbox {

  private static final System.Logger LOG = System.getLogger(Outbox.class.getName());
  public static final String STORAGE_PREFIX = "outbox/";

  /** A saved transaction message. {@code transaction} is the charge point's own number for the transaction. */
  public record Queued(long sequence, long transaction, ChargePointRequest<?> request) {}

  /** Why a call got no usable answer. */
  public sealed interface Failure {
    record Offline() implements Failure {}

    record TimedOut() implements Failure {}

    record Rejected(CallError error) implements Failure {}
  }

  /** What happens to a transaction message's answer; it may arrive after a reboot, so it is no closure. */
  public interface TransactionReceiver {
    /** The request as it should go out now (e.g. with the transactionId the central system assigned since), or empty to drop it. */
    Optional<ChargePointRequest<?>> prepare(Queued queued);

    void onAnswered(Queued queued, Response response);

    void onGivenUp(Queued queued);
  }

  /** Whether a message may go before the central system accepted the charge point. */
  public enum Gate {
    ANY_TIME,
    AFTER_ACCEPTANCE
  }

  private sealed interface Entry {
    Gate gate();
  }

  private record Plain(long order, ChargePointRequest<?> request, Gate gate, Consumer<Response> onAnswer, Consumer<Failure> onFailure)
      implements Entry {}

  private record Durable(Queued queued) implements Entry {
    @Override
    public Gate gate() {
      return Gate.AFTER_ACCEPTANCE;
    }
  }

  private final Scheduler scheduler;
  private final Storage storage;
  private final Configuration config;
  private final Duration responseTimeout;
  private final Deque<Plain> plain = new ArrayDeque<>();
  private final Deque<Durable> durable = new ArrayDeque<>();
  private final Counters counters;
  private TransactionReceiver receiver;
  private CentralSystem link;
  private boolean online;
  private boolean accepted;
  private long nextSequence;

  private Entry inFlight;
  private String inFlightId;
  private Scheduler.Timer inFlightTimer;
  private int attempts;
  private Scheduler.Timer retryTimer;
  private Runnable onCallCompleted = () -> {};
  private final List<Runnable> untilIdle = new ArrayList<>();

  public Outbox(Scheduler scheduler, Storage storage, Configuration config, Duration responseTimeout, Counters counters) {
    this.scheduler = scheduler;
    this.storage = storage;
    this.config = config;
    this.responseTimeout = responseTimeout;
    this.counters = counters;
    for (String key : storage.keys(STORAGE_PREFIX)) {
      storage.load(key, Queued.class).ifPresentOrElse(q -> {
        durable.add(new Durable(q));
        nextSequence = Math.max(nextSequence, q.sequence() + 1);
      }, () -> {
        counters.increment("outbox.unreadable");
        storage.delete(key);
      });
    }
  }

  public void attach(CentralSystem link, TransactionReceiver receiver) {
    this.link = link;
    this.receiver = receiver;
  }

  /** Called after every answered call, so the heartbeat can skip a beat. */
  public void onCallCompleted(Runnable listener) {
    this.onCallCompleted = listener;
  }

  /**
   * Runs {@code task} once no call is in flight: at once, or when the call in flight is answered, refused,
   * timed out or lost with the connection. For what ends the connection (new credentials): an answer on
   * its way back over the old connection would be lost, and its call sent again over the new one.
   */
  public void whenIdle(Runnable task) {
    if (inFlight == null) {
      task.run();
    } else {
      untilIdle.add(task);
    }
  }

  /** The saved transaction messages still waiting, oldest first. */
  public List<Queued> pendingTransactionMessages() {
    return durable.stream().map(Durable::queued).toList();
  }

  /** Sends a message that matters only now; {@code onFailure} hears when it cannot be delivered. */
  @SuppressWarnings("unchecked")
  public <R extends Response> void send(ChargePointRequest<R> request, Gate gate, Consumer<R> onAnswer, Consumer<Failure> onFailure) {
    if (!online || (gate == Gate.AFTER_ACCEPTANCE && !accepted)) {
      onFailure.accept(new Failure.Offline());
      return;
    }
    plain.add(new Plain(nextSequence++, request, gate, r -> onAnswer.accept((R) r), onFailure));
    pump();
  }

  /** Saves and queues a transaction message. */
  public Queued sendTransactional(long transaction, ChargePointRequest<?> request) {
    Queued queued = new Queued(nextSequence++, transaction, request);
    storage.save(key(queued), queued);
    durable.add(new Durable(queued));
    pump();
    return queued;
  }

  public void connected() {
    online = true;
    pump();
  }

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

  public boolean canSendNow() {
    return online && accepted;
  }

  public void onResult(String callId, Response response) {
    if (!callId.equals(inFlightId)) {
      counters.increment("outbox.unexpectedResult");
      LOG.log(Level.WARNING, "ignoring a CALLRESULT for {0}, which is not the call in flight", callId);
      return;
    }
    Entry done = finishInFlight();
    if (done instanceof Plain p) {
      p.onAnswer().accept(response);
    } else if (done instanceof Durable d) {
      attempts = 0;
      storage.delete(key(d.queued()));
      durable.remove(d);
      receiver.onAnswered(d.queued(), response);
    }
    onCallCompleted.run();
    pump();
  }

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
    } else if (failed instanceof Durable d) {
      attempts++;
      int maxAttempts = Math.max(1, config.integer(CoreKeys.TRANSACTION_MESSAGE_ATTEMPTS));
      if (attempts >= maxAttempts || unknownToCentralSystem(failure)) {
        LOG.log(Level.ERROR, "giving up {0} after {1} attempts: {2}", d.queued().request().action().ocppName(), attempts, failure);
        counters.increment("outbox.givenUp");
        storage.delete(key(d.queued()));
        durable.remove(d);
        attempts = 0;
        receiver.onGivenUp(d.queued());
        pump();
      } else {
        Duration wait = Duration.ofSeconds((long) config.integer(CoreKeys.TRANSACTION_MESSAGE_RETRY_INTERVAL) * attempts);
        retryTimer = scheduler.schedule(wait, () -> {
          retryTimer = null;
          pump();
        });
        pump();
      }
    }
  }

  /**
   * NotImplemented or NotSupported: the central system does not handle the action at all (a plain 1.6
   * back office answering a security-extension SecurityEventNotification, say). Asking again cannot help,
   * and the retry wait would hold every other message back.
   */
  private static boolean unknownToCentralSystem(Failure failure) {
    return failure instanceof Failure.Rejected rejected
        && (rejected.error().code() == CallError.Code.NOT_IMPLEMENTED || rejected.error().code() == CallError.Code.NOT_SUPPORTED);
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
    Entry next = retryTimer == null ? pick() : pickDuringBackOff();
    if (next == null) {
      return;
    }
    ChargePointRequest<?> request;
    if (next instanceof Plain p) {
      plain.remove(p);
      request = p.request();
    } else {
      Durable d = (Durable) next;
      Optional<ChargePointRequest<?>> prepared = receiver.prepare(d.queued());
      if (prepared.isEmpty()) {
        storage.delete(key(d.queued()));
        durable.remove(d);
        attempts = 0;
        pump();
        return;
      }
      request = prepared.get();
    }
    inFlight = next;
    inFlightId = UUID.randomUUID().toString();
    String id = inFlightId;
    inFlightTimer = scheduler.schedule(responseTimeout, () -> onTimeout(id));
    link.send(id, request);
  }

  /**
   * Messages go in the order they were made, so the central system sees a StopTransaction before the
   * StatusNotification that follows it. Only a driver waiting at the charger (Authorize) and the boot
   * itself may overtake a backlog of transaction messages.
   */
  private Entry pick() {
    Durable oldestDurable = accepted ? durable.peek() : null;
    for (Plain p : plain) {
      if (p.gate() == Gate.ANY_TIME || accepted) {
        boolean urgent = p.request() instanceof AuthorizeRequest || p.request() instanceof BootNotificationRequest;
        return urgent || oldestDurable == null || p.order() < oldestDurable.queued().sequence() ? p : oldestDurable;
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

  private static String key(Queued queued) {
    return STORAGE_PREFIX + String.format("%020d", queued.sequence());
  }
}
