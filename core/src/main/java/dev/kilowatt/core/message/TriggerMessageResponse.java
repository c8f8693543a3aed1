package dev.kilowatt.core.message;

/**
 * Whether the charge point will send the triggered message.
 *
 * @param status whether the requested message will be sent
 */
public record TriggerMessageResponse(TriggerMessageStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public TriggerMessageResponse {
    Fields.required(status, "status");
  }
}
