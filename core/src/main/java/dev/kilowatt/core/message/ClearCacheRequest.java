package dev.kilowatt.core.message;

/** The Central System asks the charge point to empty its authorization cache. */
public record ClearCacheRequest() implements CentralSystemRequest<ClearCacheResponse> {

  @Override
  public Action action() {
    return Action.CLEAR_CACHE;
  }
}
