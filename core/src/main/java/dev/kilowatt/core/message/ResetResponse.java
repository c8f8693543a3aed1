package dev.kilowatt.core.message;

/**
 * Whether the charge point will perform the reset.
 *
 * @param status whether the charge point will reboot
 */
public record ResetResponse(ResetStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public ResetResponse {
    Fields.required(status, "status");
  }
}
