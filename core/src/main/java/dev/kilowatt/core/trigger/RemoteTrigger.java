package dev.kilowatt.core.trigger;

import dev.kilowatt.core.message.ExtendedTriggerMessageRequest;
import dev.kilowatt.core.message.ExtendedTriggerMessageResponse;
import dev.kilowatt.core.message.MessageTrigger;
import dev.kilowatt.core.message.TriggerMessageRequest;
import dev.kilowatt.core.message.TriggerMessageResponse;
import dev.kilowatt.core.message.TriggerMessageStatus;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.messaging.Decision;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * TriggerMessage (OCPP 1.6 section 5.17) and the security extension's ExtendedTriggerMessage: decides the
 * answer, and what to send once the answer is out.
 *
 * <p>A connectorId is ignored where the requested message has none (BootNotification, Heartbeat, the
 * firmware and diagnostics statuses); where it matters, an absent one means every connector, and one out
 * of range is Rejected. Connector 0 asks for the charge point's own status; this charge point has no
 * main meter, so MeterValues for connector 0 is Rejected. The statuses of a profile that is not
 * configured are NotImplemented. ExtendedTriggerMessage treats the messages both know the same way; its
 * FirmwareStatusNotification asks for the signed firmware update's status.
 */
public final class RemoteTrigger {

  /**
   * What the charge point sends on demand; an absent one is not implemented.
   *
   * @param bootNotification sends a BootNotification
   * @param heartbeat sends a Heartbeat
   * @param statusNotification sends a StatusNotification for the given connectorId (0 for the charge point)
   * @param meterValues sends MeterValues for the given connectorId (from 1)
   * @param firmwareStatus sends FirmwareStatusNotification; empty when the board installs no firmware
   * @param diagnosticsStatus sends DiagnosticsStatusNotification; empty when the board collects no diagnostics
   * @param signedFirmwareStatus SignedFirmwareStatusNotification
   * @param logStatus LogStatusNotification
   * @param signChargePointCertificate SignCertificate for a new charge point certificate
   */
  public record Messages(Runnable bootNotification, Runnable heartbeat, IntConsumer statusNotification, IntConsumer meterValues,
      Optional<Runnable> firmwareStatus, Optional<Runnable> diagnosticsStatus, Optional<Runnable> signedFirmwareStatus,
      Optional<Runnable> logStatus, WhenReady signChargePointCertificate) {}

  /**
   * A message that can be sent only when {@code ready} says so; otherwise the trigger is Rejected.
   *
   * @param ready whether the message can be sent now
   * @param send sends it
   */
  public record WhenReady(BooleanSupplier ready, Runnable send) {}

  private final int connectors;
  private final Messages messages;

  /**
   * Triggers for a charge point of {@code connectors} connectors, sending through {@code messages}.
   *
   * @param connectors how many connectors the charge point has, numbered from 1
   * @param messages what each requested message sends
   */
  public RemoteTrigger(int connectors, Messages messages) {
    this.connectors = connectors;
    this.messages = messages;
  }

  /**
   * Answers TriggerMessage and ExtendedTriggerMessage.
   *
   * @param router the table of the central system's calls this adds both handlers to
   */
  public void register(CallRouter router) {
    router.on(TriggerMessageRequest.class, (request, reply) -> reply.decide(decide(request), TriggerMessageResponse::new));
    router.on(ExtendedTriggerMessageRequest.class, (request, reply) -> reply.decide(decide(request), ExtendedTriggerMessageResponse::new));
  }

  Decision<TriggerMessageStatus> decide(TriggerMessageRequest request) {
    Optional<Integer> connectorId = request.connectorId();
    return switch (request.requestedMessage()) {
      case BOOT_NOTIFICATION -> accepted(messages.bootNotification());
      case HEARTBEAT -> accepted(messages.heartbeat());
      case FIRMWARE_STATUS_NOTIFICATION -> implemented(messages.firmwareStatus());
      case DIAGNOSTICS_STATUS_NOTIFICATION -> implemented(messages.diagnosticsStatus());
      case STATUS_NOTIFICATION -> perConnector(connectorId, 0, messages.statusNotification());
      case METER_VALUES -> perConnector(connectorId, 1, messages.meterValues());
    };
  }

  Decision<TriggerMessageStatus> decide(ExtendedTriggerMessageRequest request) {
    return switch (request.requestedMessage()) {
      case FIRMWARE_STATUS_NOTIFICATION -> implemented(messages.signedFirmwareStatus());
      case LOG_STATUS_NOTIFICATION -> implemented(messages.logStatus());
      case SIGN_CHARGE_POINT_CERTIFICATE -> messages.signChargePointCertificate().ready().getAsBoolean()
          ? accepted(messages.signChargePointCertificate().send()) : Decision.only(TriggerMessageStatus.REJECTED);
      case BOOT_NOTIFICATION, HEARTBEAT, METER_VALUES, STATUS_NOTIFICATION -> decide(
          new TriggerMessageRequest(MessageTrigger.fromOcpp(request.requestedMessage().ocppValue()).orElseThrow(), request.connectorId()));
    };
  }

  private static Decision<TriggerMessageStatus> accepted(Runnable work) {
    return Decision.then(TriggerMessageStatus.ACCEPTED, work);
  }

  private static Decision<TriggerMessageStatus> implemented(Optional<Runnable> send) {
    return send.map(RemoteTrigger::accepted).orElse(Decision.only(TriggerMessageStatus.NOT_IMPLEMENTED));
  }

  /** {@code lowest} is the lowest connectorId the message exists for. */
  private Decision<TriggerMessageStatus> perConnector(Optional<Integer> connectorId, int lowest, IntConsumer send) {
    if (connectorId.isEmpty()) {
      return accepted(() -> IntStream.rangeClosed(lowest, connectors).forEach(send));
    }
    int id = connectorId.get();
    if (id < lowest || id > connectors) {
      return Decision.only(TriggerMessageStatus.REJECTED);
    }
    return accepted(() -> send.accept(id));
  }
}
