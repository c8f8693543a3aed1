package dev.kilowatt.core.message;

/** Whether the charge point will perform the reset. */
public record ResetResponse(ResetStatus status) implements Response {

  public ResetResponse {
    Fields.required(status, "status");
  }
}
