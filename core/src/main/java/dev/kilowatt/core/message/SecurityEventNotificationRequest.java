package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/**
 * The charge point reports a security event, such as a firmware update or a failed TLS handshake (security
 * extension).
 *
 * @param type the event's name, e.g. FirmwareUpdated or InvalidCentralSystemCertificate
 * @param timestamp when the event happened
 * @param techInfo technical detail about the event, at most 255 characters
 */
public record SecurityEventNotificationRequest(
    String type,
    Instant timestamp,
    Optional<String> techInfo)
    implements ChargePointRequest<SecurityEventNotificationResponse> {

  /** Rejects a null {@code type} or {@code timestamp}; a null optional component reads as absent. */
  public SecurityEventNotificationRequest {
    Fields.required(type, "type");
    Fields.required(timestamp, "timestamp");
    techInfo = Fields.opt(techInfo);
  }

  @Override
  public Action action() {
    return Action.SECURITY_EVENT_NOTIFICATION;
  }
}
