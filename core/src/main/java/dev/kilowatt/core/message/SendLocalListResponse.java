package dev.kilowatt.core.message;

/** Whether the local authorization list update was applied. */
public record SendLocalListResponse(UpdateStatus status) implements Response {

  public SendLocalListResponse {
    Fields.required(status, "status");
  }
}
