package dev.kilowatt.core.message;

/**
 * The Central System sets one configuration key to a new value.
 *
 * @param key the configuration key to set
 * @param value the new value, as text
 */
public record ChangeConfigurationRequest(
    String key,
    String value)
    implements CentralSystemRequest<ChangeConfigurationResponse> {

  /** Rejects a null {@code key} or {@code value}. */
  public ChangeConfigurationRequest {
    Fields.required(key, "key");
    Fields.required(value, "value");
  }

  @Override
  public Action action() {
    return Action.CHANGE_CONFIGURATION;
  }
}
