package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.List;

/**
 * A set of meter readings taken at the same moment, as carried by MeterValues and StopTransaction.
 *
 * @param timestamp when the readings were taken
 * @param sampledValue the readings, at least one: energy, power, current, and whatever else the charge point is set to
 *     sample
 */
public record MeterValue(Instant timestamp, List<SampledValue> sampledValue) {

  /**
   * Rejects a null {@code timestamp}; a null list reads as empty, and a list is copied so the record stays immutable.
   */
  public MeterValue {
    Fields.required(timestamp, "timestamp");
    sampledValue = Fields.list(sampledValue);
  }
}
