package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/**
 * The charge point reports a security event, such as a firmware update or a failed TLS handshake (security
 * extension).
 */
public record SecurityEventNotificationRequest(
    String type,
    Instant timestamp,
    Optional<String> techInfo)
    implements ChargePointRequest<SecurityEventNotificationResponse> {

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
