package dev.kilowatt.core.message;

import java.util.List;

/** The known configuration keys with their values, and the requested keys that are unknown. */
public record GetConfigurationResponse(List<KeyValue> configurationKey, List<String> unknownKey) implements Response {

  public GetConfigurationResponse {
    configurationKey = Fields.list(configurationKey);
    unknownKey = Fields.list(unknownKey);
  }
}
