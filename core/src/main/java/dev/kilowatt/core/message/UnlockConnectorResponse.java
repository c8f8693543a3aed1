package dev.kilowatt.core.message;

/** Whether the connector was unlocked. */
public record UnlockConnectorResponse(UnlockStatus status) implements Response {

  public UnlockConnectorResponse {
    Fields.required(status, "status");
  }
}
