package dev.kilowatt.core.message;

/** Whether the charge point will send the triggered message. */
public record TriggerMessageResponse(TriggerMessageStatus status) implements Response {

  public TriggerMessageResponse {
    Fields.required(status, "status");
  }
}
