package dev.kilowatt.core.message;

/**
 * The Central System asks the charge point to reboot, softly or hard.
 *
 * @param type soft or hard
 */
public record ResetRequest(ResetType type) implements CentralSystemRequest<ResetResponse> {

  /** Rejects a null {@code type}. */
  public ResetRequest {
    Fields.required(type, "type");
  }

  @Override
  public Action action() {
    return Action.RESET;
  }
}
