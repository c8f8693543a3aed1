package dev.kilowatt.core.message;

/** Whether the charge point will send the triggered message. */
public record ExtendedTriggerMessageResponse(TriggerMessageStatus status) implements Response {

  public ExtendedTriggerMessageResponse {
    Fields.required(status, "status");
  }
}
