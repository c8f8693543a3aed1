package dev.kilowatt.core.message;

import java.util.List;

/**
 * The known configuration keys with their values, and the requested keys that are unknown.
 *
 * @param configurationKey the keys the charge point knows, with their values
 * @param unknownKey the requested keys the charge point does not know
 */
public record GetConfigurationResponse(List<KeyValue> configurationKey, List<String> unknownKey) implements Response {

  /** A null list reads as empty, and a list is copied so the record stays immutable. */
  public GetConfigurationResponse {
    configurationKey = Fields.list(configurationKey);
    unknownKey = Fields.list(unknownKey);
  }
}
