package dev.kilowatt.core.message;

/** The charge point reports progress of a diagnostics upload asked for by GetDiagnostics. */
public record DiagnosticsStatusNotificationRequest(
    DiagnosticsStatus status)
    implements ChargePointRequest<DiagnosticsStatusNotificationResponse> {

  public DiagnosticsStatusNotificationRequest {
    Fields.required(status, "status");
  }

  @Override
  public Action action() {
    return Action.DIAGNOSTICS_STATUS_NOTIFICATION;
  }
}
