package dev.kilowatt.core.messaging;

import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The saved record of a long-running procedure (a firmware update, a diagnostics upload) and the status
 * notifications it still owes the central system, delivered one at a time and in order once the central
 * system has accepted the charge point.
 *
 * <p>The statuses not yet delivered belong to the record, so that a status and the step it reports are saved
 * together: a power cut can delay a notification, never lose it nor invent one. A notification is dropped only
 * when the central system answers it with a CALLERROR. The record is deleted once its last status is
 * delivered, if the procedure has no more use for it.
 *
 * @param <R> the procedure's record
 * @param <S> a status for the central system
 */
public final class StatusReportQueue<R extends Record & StatusReportQueue.Saved<R, S>, S> {

  private static final System.Logger LOG = System.getLogger(StatusReportQueue.class.getName());

  /**
   * What the queue needs of a procedure's record.
   *
   * @param <R> the procedure's record
   * @param <S> a status for the central system
   */
  public interface Saved<R, S> {
    /** {@return the statuses not yet delivered to the central system, oldest first; empty when all are} */
    List<S> unreported();

    /**
     * This record with {@code unreported} as the statuses still to deliver.
     *
     * @param unreported the statuses still to deliver, oldest first
     * @return a copy of this record with them
     */
    R withUnreported(List<S> unreported);

    /** {@return whether the record may be deleted once its statuses are delivered (the procedure is over)} */
    boolean disposable();

    /**
     * This record with {@code report} to deliver after the others.
     *
     * @param report the newest status
     * @return a copy of this record with it queued last
     */
    default R withReport(S report) {
      return withUnreported(Stream.concat(unreported().stream(), Stream.of(report)).toList());
    }
  }

  private final Storage storage;
  private final String key;
  private final Class<R> type;
  private final Outbox outbox;
  private final Counters counters;
  private final Function<S, ChargePointRequest<?>> notification;
  private Optional<R> record = Optional.empty();
  private boolean sending;

  /**
   * A queue with no record loaded yet; call {@link #load} after boot.
   *
   * @param storage where the record survives a reboot or a power cut
   * @param key where the record is saved
   * @param type the record's class, to load it back
   * @param outbox sends the status notifications
   * @param counters counts the notifications the central system refused
   * @param notification turns a status into its notification, e.g. a FirmwareStatusNotification
   */
  public StatusReportQueue(Storage storage, String key, Class<R> type, Outbox outbox, Counters counters,
      Function<S, ChargePointRequest<?>> notification) {
    this.storage = storage;
    this.key = key;
    this.type = type;
    this.outbox = outbox;
    this.counters = counters;
    this.notification = notification;
  }

  /** {@return after boot: the record a reboot or a power cut left, empty if none} */
  public Optional<R> load() {
    record = storage.load(key, type);
    return record;
  }

  /** {@return the procedure's record, empty when no procedure runs nor owes a status} */
  public Optional<R> record() {
    return record;
  }

  /** {@return statuses still to deliver, which a new procedure takes over from the one it replaces} */
  public List<S> unreported() {
    return record.map(Saved::unreported).orElse(List.of());
  }

  /**
   * Saves the procedure's next step, with any statuses it adds; {@link #pump} delivers them.
   *
   * @param next the record of the step
   */
  public void save(R next) {
    record = Optional.of(next);
    storage.save(key, next);
  }

  /** Sends the oldest waiting status if nothing is in flight and the central system can hear it. */
  public void pump() {
    List<S> waiting = unreported();
    if (sending || waiting.isEmpty() || !outbox.canSendNow()) {
      return;
    }
    sending = true;
    ChargePointRequest<?> request = notification.apply(waiting.get(0));
    outbox.send(request, Outbox.Gate.AFTER_ACCEPTANCE, answer -> {
      sending = false;
      delivered();
      pump();
    }, failure -> {
      sending = false;
      if (failure instanceof Outbox.Failure.Rejected rejected) {
        counters.increment("progress.rejected");
        LOG.log(Level.WARNING, "the central system refused {0}: {1}; not sending it again", request, rejected.error());
        delivered();
        pump();
      }
      // offline or no answer: the next connection (or the next status) tries again
    });
  }

  private void delivered() {
    R current = record.orElseThrow();
    R rest = current.withUnreported(current.unreported().subList(1, current.unreported().size()));
    if (rest.disposable() && rest.unreported().isEmpty()) {
      storage.delete(key);
      record = Optional.empty();
    } else {
      save(rest);
    }
  }
}
