package dev.kilowatt.core.message;

/**
 * Whether the local authorization list update was applied.
 *
 * @param status whether the list was updated
 */
public record SendLocalListResponse(UpdateStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public SendLocalListResponse {
    Fields.required(status, "status");
  }
}
