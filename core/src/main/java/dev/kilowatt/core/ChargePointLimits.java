package dev.kilowatt.core;

/**
 * The limits a charger declares for its configuration, as an OCA test report's "Other Relevant
 * Settings" lists them. {@link #REFERENCE} holds the values of the device this library is modelled on.
 */
public record ChargePointLimits(
    int getConfigurationMaxKeys,
    int measurandListMaxLength,
    int minMeterValueSampleInterval,
    int maxMeterValueSampleInterval,
    int minHeartbeatInterval,
    int maxHeartbeatInterval,
    int webSocketPingInterval) {

  /** The reference device's settings (ORS-1 to ORS-11 of its OCPP 1.6 test report). */
  public static final ChargePointLimits REFERENCE = new ChargePointLimits(10, 4096, 10, 1000, 10, 1000, 2);

  public ChargePointLimits {
    if (getConfigurationMaxKeys < 1 || measurandListMaxLength < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (minMeterValueSampleInterval > maxMeterValueSampleInterval || minHeartbeatInterval > maxHeartbeatInterval) {
      throw new IllegalArgumentException("a minimum above its maximum");
    }
  }
}
