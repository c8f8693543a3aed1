package dev.kilowatt.core;

import dev.kilowatt.core.message.ChargePointRequest;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Delivers the status notifications of a long-running procedure (a firmware update, a diagnostics upload)
 * one at a time and in order, once the central system has accepted the charge point.
 *
 * <p>The statuses not yet delivered belong to the procedure's own saved record, so that a status and the
 * step it reports are saved together: a power cut can delay a notification, never lose it nor invent one.
 * A notification is dropped only when the central system answers it with a CALLERROR.
 */
final class ProgressReports<S> {

  private static final System.Logger LOG = System.getLogger(ProgressReports.class.getName());

  private final Outbox outbox;
  private final Counters counters;
  private final Supplier<List<S>> unreported;
  private final Function<S, ChargePointRequest<?>> notification;
  private final Runnable onDelivered;
  private boolean sending;

  /**
   * @param unreported the statuses waiting, oldest first
   * @param onDelivered removes the oldest status from the procedure's record (and saves it)
   */
  ProgressReports(Outbox outbox, Counters counters, Supplier<List<S>> unreported, Function<S, ChargePointRequest<?>> notification,
      Runnable onDelivered) {
    this.outbox = outbox;
    this.counters = counters;
    this.unreported = unreported;
    this.notification = notification;
    this.onDelivered = onDelivered;
  }

  /** Sends the oldest waiting status if nothing is in flight and the central system can hear it. */
  void pump() {
    List<S> waiting = unreported.get();
    if (sending || waiting.isEmpty() || !outbox.canSendNow()) {
      return;
    }
    sending = true;
    ChargePointRequest<?> request = notification.apply(waiting.get(0));
    outbox.send(request, Outbox.Gate.AFTER_ACCEPTANCE, answer -> {
      sending = false;
      onDelivered.run();
      pump();
    }, failure -> {
      sending = false;
      if (failure instanceof Outbox.Failure.Rejected rejected) {
        counters.increment("progress.rejected");
        LOG.log(Level.WARNING, "the central system refused {0}: {1}; not sending it again", request, rejected.error());
        onDelivered.run();
        pump();
      }
      // offline or no answer: the next connection (or the next status) tries again
    });
  }
}
