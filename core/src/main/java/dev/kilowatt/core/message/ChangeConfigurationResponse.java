package dev.kilowatt.core.message;

/** Whether the configuration change was applied. */
public record ChangeConfigurationResponse(ConfigurationStatus status) implements Response {

  public ChangeConfigurationResponse {
    Fields.required(status, "status");
  }
}
