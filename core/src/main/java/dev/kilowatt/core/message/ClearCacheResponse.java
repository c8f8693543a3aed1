package dev.kilowatt.core.message;

/** Whether the authorization cache was cleared. */
public record ClearCacheResponse(ClearCacheStatus status) implements Response {

  public ClearCacheResponse {
    Fields.required(status, "status");
  }
}
