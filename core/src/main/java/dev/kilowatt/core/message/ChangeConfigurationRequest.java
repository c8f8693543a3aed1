package dev.kilowatt.core.message;

/** The Central System sets one configuration key to a new value. */
public record ChangeConfigurationRequest(
    String key,
    String value)
    implements CentralSystemRequest<ChangeConfigurationResponse> {

  public ChangeConfigurationRequest {
    Fields.required(key, "key");
    Fields.required(value, "value");
  }

  @Override
  public Action action() {
    return Action.CHANGE_CONFIGURATION;
  }
}
