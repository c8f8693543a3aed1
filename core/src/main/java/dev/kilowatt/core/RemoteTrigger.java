package dev.kilowatt.core;

import dev.kilowatt.core.message.TriggerMessageRequest;
import dev.kilowatt.core.message.TriggerMessageStatus;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * TriggerMessage (OCPP 1.6 section 5.17): decides the answer, and what to send once the answer is out.
 *
 * <p>A connectorId is ignored where the requested message has none (BootNotification, Heartbeat, the
 * firmware and diagnostics statuses); where it matters, an absent one means every connector, and one out
 * of range is Rejected. Connector 0 asks for the charge point's own status; this charge point has no
 * main meter, so MeterValues for connector 0 is Rejected. The statuses of a profile that is not
 * configured are NotImplemented.
 */
final class RemoteTrigger {

  /** The answer, and the work that must follow it (nothing unless Accepted). */
  record Decision(TriggerMessageStatus status, Optional<Runnable> work) {
    static Decision accepted(Runnable work) {
      return new Decision(TriggerMessageStatus.ACCEPTED, Optional.of(work));
    }

    static Decision refused(TriggerMessageStatus status) {
      return new Decision(status, Optional.empty());
    }
  }

  /** What the charge point sends on demand. */
  record Messages(Runnable bootNotification, Runnable heartbeat, IntConsumer statusNotification, IntConsumer meterValues,
      Optional<Runnable> firmwareStatus, Optional<Runnable> diagnosticsStatus) {}

  private final int connectors;
  private final Messages messages;

  RemoteTrigger(int connectors, Messages messages) {
    this.connectors = connectors;
    this.messages = messages;
  }

  Decision decide(TriggerMessageRequest request) {
    Optional<Integer> connectorId = request.connectorId();
    return switch (request.requestedMessage()) {
      case BOOT_NOTIFICATION -> Decision.accepted(messages.bootNotification());
      case HEARTBEAT -> Decision.accepted(messages.heartbeat());
      case FIRMWARE_STATUS_NOTIFICATION -> implemented(messages.firmwareStatus());
      case DIAGNOSTICS_STATUS_NOTIFICATION -> implemented(messages.diagnosticsStatus());
      case STATUS_NOTIFICATION -> perConnector(connectorId, 0, messages.statusNotification());
      case METER_VALUES -> perConnector(connectorId, 1, messages.meterValues());
    };
  }

  private static Decision implemented(Optional<Runnable> send) {
    return send.map(Decision::accepted).orElse(Decision.refused(TriggerMessageStatus.NOT_IMPLEMENTED));
  }

  /** {@code lowest} is the lowest connectorId the message exists for. */
  private Decision perConnector(Optional<Integer> connectorId, int lowest, IntConsumer send) {
    if (connectorId.isEmpty()) {
      return Decision.accepted(() -> IntStream.rangeClosed(lowest, connectors).forEach(send));
    }
    int id = connectorId.get();
    if (id < lowest || id > connectors) {
      return Decision.refused(TriggerMessageStatus.REJECTED);
    }
    return Decision.accepted(() -> send.accept(id));
  }
}
