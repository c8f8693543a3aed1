package dev.kilowatt.core.message;

import java.util.List;

/** The Central System reads configuration keys; an empty key list means all of them. */
public record GetConfigurationRequest(List<String> key) implements CentralSystemRequest<GetConfigurationResponse> {

  public GetConfigurationRequest {
    key = Fields.list(key);
  }

  @Override
  public Action action() {
    return Action.GET_CONFIGURATION;
  }
}
