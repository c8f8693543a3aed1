package dev.kilowatt.core.message;

/**
 * Whether the configuration change was applied.
 *
 * @param status whether the value was taken, and whether it needs a reboot
 */
public record ChangeConfigurationResponse(ConfigurationStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public ChangeConfigurationResponse {
    Fields.required(status, "status");
  }
}
