package dev.kilowatt.core.message;

/**
 * The charge point reports progress of a diagnostics upload asked for by GetDiagnostics.
 *
 * @param status how the upload is going
 */
public record DiagnosticsStatusNotificationRequest(
    DiagnosticsStatus status)
    implements ChargePointRequest<DiagnosticsStatusNotificationResponse> {

  /** Rejects a null {@code status}. */
  public DiagnosticsStatusNotificationRequest {
    Fields.required(status, "status");
  }

  @Override
  public Action action() {
    return Action.DIAGNOSTICS_STATUS_NOTIFICATION;
  }
}
