package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.List;

/** A set of meter readings taken at the same moment, as carried by MeterValues and StopTransaction. */
public record MeterValue(Instant timestamp, List<SampledValue> sampledValue) {

  public MeterValue {
    Fields.required(timestamp, "timestamp");
    sampledValue = Fields.list(sampledValue);
  }
}
