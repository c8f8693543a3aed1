package dev.kilowatt.core;

/**
 * The limits a charger declares for its configuration, as an OCA test report's "Other Relevant
 * Settings" lists them. {@link #REFERENCE} holds the values of the device this library is modelled on.
 *
 * @param getConfigurationMaxKeys GetConfigurationMaxKeys: how many keys one GetConfiguration.req may ask for
 * @param measurandListMaxLength how many measurands each MeterValues/StopTxn data list may hold (its *MaxLength key)
 * @param minMeterValueSampleInterval the shortest MeterValueSampleInterval accepted, in seconds
 * @param maxMeterValueSampleInterval the longest MeterValueSampleInterval accepted, in seconds
 * @param minHeartbeatInterval the shortest HeartbeatInterval accepted, in seconds
 * @param maxHeartbeatInterval the longest HeartbeatInterval accepted, in seconds
 * @param webSocketPingInterval the default WebSocketPingInterval, in seconds (0 sends no pings)
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

  /** One day in seconds: the longest heartbeat or sample interval a central system may ask for by default. */
  public static final int DAY_S = 86_400;

  /**
   * What a charge point built without {@link ChargePoint.Builder#limits} accepts: the reference device's
   * sizes and shortest intervals (10 s), and heartbeat and sample intervals up to a day, so that a central
   * system's usual 3600 s is Accepted. OCPP 1.6 sets no bound on either; a day is as long as a central system
   * can sensibly wait before it must doubt a connection or a reading.
   */
  public static final ChargePointLimits DEFAULT = new ChargePointLimits(10, 4096, 10, DAY_S, 10, DAY_S, 2);

  /** Checks the ranges. */
  public ChargePointLimits {
    if (getConfigurationMaxKeys < 1 || measurandListMaxLength < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (minMeterValueSampleInterval > maxMeterValueSampleInterval || minHeartbeatInterval > maxHeartbeatInterval) {
      throw new IllegalArgumentException("a minimum above its maximum");
    }
    if (minMeterValueSampleInterval < 1 || minHeartbeatInterval < 1) {
      throw new IllegalArgumentException("intervals start at 1 s");
    }
  }

  /**
   * These limits with another range for HeartbeatInterval, in seconds.
   *
   * @param min the shortest interval the central system may set
   * @param max the longest
   * @return the changed limits
   */
  public ChargePointLimits withHeartbeatInterval(int min, int max) {
    return new ChargePointLimits(getConfigurationMaxKeys, measurandListMaxLength, minMeterValueSampleInterval,
        maxMeterValueSampleInterval, min, max, webSocketPingInterval);
  }

  /**
   * These limits with another range for MeterValueSampleInterval, in seconds (0, no sampling, is always allowed).
   *
   * @param min the shortest interval the central system may set
   * @param max the longest
   * @return the changed limits
   */
  public ChargePointLimits withMeterValueSampleInterval(int min, int max) {
    return new ChargePointLimits(getConfigurationMaxKeys, measurandListMaxLength, min, max, minHeartbeatInterval,
        maxHeartbeatInterval, webSocketPingInterval);
  }
}
