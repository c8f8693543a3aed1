package dev.kilowatt.core.message;

/**
 * Whether the connector was unlocked.
 *
 * @param status whether the connector is unlocked
 */
public record UnlockConnectorResponse(UnlockStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public UnlockConnectorResponse {
    Fields.required(status, "status");
  }
}
