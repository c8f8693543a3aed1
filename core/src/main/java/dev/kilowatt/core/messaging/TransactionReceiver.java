package dev.kilowatt.core.messaging;

import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CallOrigin;
import java.util.List;
import java.util.Optional;

/**
 * What happens to a durable message's answer; it may arrive after a reboot, so it is no closure. For a
 * message of the ledger, no other transaction message goes out until {@code settled} runs: the answer
 * must be durable first, or the next message could carry a transactionId a power cut forgets.
 */
public interface TransactionReceiver {
  /**
   * Readies a durable message to be sent, which may be long after it was queued.
   *
   * @param queued the message as it was queued
   * @return the request as it should go out now (e.g. with the transactionId the central system assigned
   *     since), or empty to drop it
   */
  Optional<ChargePointRequest<?>> prepare(Outbox.Queued queued);

  /**
   * Whether {@code queued} was made while the link was down, as the receiver recorded it with the message.
   *
   * @param queued the message about to go out
   * @return its origin; {@link CallOrigin#ONLINE} for a message the receiver keeps no such record of
   */
  default CallOrigin origin(Outbox.Queued queued) {
    return CallOrigin.ONLINE;
  }

  /**
   * The central system answered {@code queued}; {@code settled} runs once the answer is durable.
   *
   * @param queued the message that was answered
   * @param response the CALLRESULT's payload
   * @param settled must run once the answer is stored, to let the next transaction message out
   */
  void onAnswered(Outbox.Queued queued, Response response, Runnable settled);

  /**
   * The central system answered {@code errors} (CALLERRORs) to it, as often as TransactionMessageAttempts allows.
   *
   * @param queued the message that is given up
   * @param errors every CALLERROR it got, oldest first
   * @param settled must run once the outcome is stored, to let the next transaction message out
   */
  void onGivenUp(Outbox.Queued queued, List<CallError> errors, Runnable settled);
}
