package dev.kilowatt.core.message;

/** The Central System asks the charge point to reboot, softly or hard. */
public record ResetRequest(ResetType type) implements CentralSystemRequest<ResetResponse> {

  public ResetRequest {
    Fields.required(type, "type");
  }

  @Override
  public Action action() {
    return Action.RESET;
  }
}
