package dev.kilowatt.core.message;

import java.util.List;

/**
 * The Central System reads configuration keys; an empty key list means all of them.
 *
 * @param key the keys to read; empty for every key the charge point has
 */
public record GetConfigurationRequest(List<String> key) implements CentralSystemRequest<GetConfigurationResponse> {

  /** A null list reads as empty, and a list is copied so the record stays immutable. */
  public GetConfigurationRequest {
    key = Fields.list(key);
  }

  @Override
  public Action action() {
    return Action.GET_CONFIGURATION;
  }
}
