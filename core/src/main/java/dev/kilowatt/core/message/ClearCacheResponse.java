package dev.kilowatt.core.message;

/**
 * Whether the authorization cache was cleared.
 *
 * @param status whether the cache was cleared
 */
public record ClearCacheResponse(ClearCacheStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public ClearCacheResponse {
    Fields.required(status, "status");
  }
}
