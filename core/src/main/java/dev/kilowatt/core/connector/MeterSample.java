package dev.kilowatt.core.connector;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connector's meter read at one moment, in the charge point's own terms: a transaction keeps these for
 * its stop data, and each protocol adapter writes them as its messages do (OCPP 1.6 MeterValue, 2.0.1
 * MeterValue).
 *
 * <p>The constants are named as OCPP's (1.6 and 2.0.1 share the vocabulary), so that an edge maps them one to
 * one by name; an absent optional means what OCPP takes it to mean.
 *
 * @param timestamp when the meter was read
 * @param measurements the values read at that moment
 */
public record MeterSample(Instant timestamp, List<Measurement> measurements) {

  /** Requires the timestamp; the measurements are copied, so the sample stays as it was taken. */
  public MeterSample {
    Objects.requireNonNull(timestamp, "timestamp");
    measurements = measurements == null ? List.of() : List.copyOf(measurements);
  }

  /**
   * One value read.
   *
   * @param value the value as read: a decimal number, or a signed block of data in {@link Format#SIGNED_DATA}
   * @param context why it was read; absent: periodically
   * @param format how the value is written; absent: a plain number
   * @param measurand what was measured; absent: the active energy imported, as the register reads it
   * @param phase the phase, or pair of phases, it was measured on; absent for a total
   * @param location where it was measured; absent: at the outlet
   * @param unit the unit of the value; absent: Wh
   */
  public record Measurement(String value, Optional<Context> context, Optional<Format> format, Optional<Measurand> measurand,
      Optional<Phase> phase, Optional<Location> location, Optional<Unit> unit) {

    /** Requires the value; absent optionals may be given as null. */
    public Measurement {
      Objects.requireNonNull(value, "value");
      context = context == null ? Optional.empty() : context;
      format = format == null ? Optional.empty() : format;
      measurand = measurand == null ? Optional.empty() : measurand;
      phase = phase == null ? Optional.empty() : phase;
      location = location == null ? Optional.empty() : location;
      unit = unit == null ? Optional.empty() : unit;
    }
  }

  /** Why a value was read. */
  public enum Context {
    /** As the supply to the EV was interrupted. */
    INTERRUPTION_BEGIN,
    /** As the supply to the EV resumed. */
    INTERRUPTION_END,
    /** At a clock-aligned moment. */
    SAMPLE_CLOCK,
    /** At a periodic moment of a transaction. */
    SAMPLE_PERIODIC,
    /** As the transaction started. */
    TRANSACTION_BEGIN,
    /** As the transaction ended. */
    TRANSACTION_END,
    /** Because the central system asked for it. */
    TRIGGER,
    /** For another reason. */
    OTHER
  }

  /** How a value is written. */
  public enum Format {
    /** A plain decimal number. */
    RAW,
    /** A block of data the meter signed, so that the reading can be verified. */
    SIGNED_DATA
  }

  /** The quantity measured. */
  public enum Measurand {
    /** Active energy the EV fed back, as a running total. */
    ENERGY_ACTIVE_EXPORT_REGISTER,
    /** Active energy delivered to the EV, as a running total: the reading a transaction is billed on. */
    ENERGY_ACTIVE_IMPORT_REGISTER,
    /** Reactive energy fed back, as a running total. */
    ENERGY_REACTIVE_EXPORT_REGISTER,
    /** Reactive energy delivered, as a running total. */
    ENERGY_REACTIVE_IMPORT_REGISTER,
    /** Active energy fed back during the last interval. */
    ENERGY_ACTIVE_EXPORT_INTERVAL,
    /** Active energy delivered during the last interval. */
    ENERGY_ACTIVE_IMPORT_INTERVAL,
    /** Reactive energy fed back during the last interval. */
    ENERGY_REACTIVE_EXPORT_INTERVAL,
    /** Reactive energy delivered during the last interval. */
    ENERGY_REACTIVE_IMPORT_INTERVAL,
    /** Active power fed back now. */
    POWER_ACTIVE_EXPORT,
    /** Active power drawn now. */
    POWER_ACTIVE_IMPORT,
    /** The most power the EV is offered now. */
    POWER_OFFERED,
    /** Reactive power fed back now. */
    POWER_REACTIVE_EXPORT,
    /** Reactive power drawn now. */
    POWER_REACTIVE_IMPORT,
    /** The power factor now. */
    POWER_FACTOR,
    /** Current drawn now. */
    CURRENT_IMPORT,
    /** Current fed back now. */
    CURRENT_EXPORT,
    /** The most current per phase the EV is offered now. */
    CURRENT_OFFERED,
    /** The supply voltage now. */
    VOLTAGE,
    /** The grid frequency now. */
    FREQUENCY,
    /** A temperature in the charge point. */
    TEMPERATURE,
    /** The EV battery's state of charge. */
    SOC,
    /** A fan's speed. */
    RPM
  }

  /** The phase, or pair of phases, a value was measured on. */
  public enum Phase {
    /** Phase 1. */
    L1,
    /** Phase 2. */
    L2,
    /** Phase 3. */
    L3,
    /** The neutral conductor. */
    N,
    /** Phase 1 to neutral. */
    L1_N,
    /** Phase 2 to neutral. */
    L2_N,
    /** Phase 3 to neutral. */
    L3_N,
    /** Phase 1 to phase 2. */
    L1_L2,
    /** Phase 2 to phase 3. */
    L2_L3,
    /** Phase 3 to phase 1. */
    L3_L1
  }

  /** Where a value was measured. */
  public enum Location {
    /** In the cable to the EV. */
    CABLE,
    /** By the EV. */
    EV,
    /** At the grid connection. */
    INLET,
    /** At the connector. */
    OUTLET,
    /** In the charge point's housing. */
    BODY
  }

  /** The unit of a value. */
  public enum Unit {
    /** Watt-hours. */
    WH,
    /** Kilowatt-hours. */
    KWH,
    /** Volt-ampere reactive hours. */
    VARH,
    /** Kilovolt-ampere reactive hours. */
    KVARH,
    /** Watts. */
    W,
    /** Kilowatts. */
    KW,
    /** Volt-amperes. */
    VA,
    /** Kilovolt-amperes. */
    KVA,
    /** Volt-amperes reactive. */
    VAR,
    /** Kilovolt-amperes reactive. */
    KVAR,
    /** Amperes. */
    A,
    /** Volts. */
    V,
    /** Kelvin. */
    K,
    /** Degrees Celsius, spelt as OCPP 1.6's schema spells it. */
    CELCIUS,
    /** Degrees Celsius. */
    CELSIUS,
    /** Degrees Fahrenheit. */
    FAHRENHEIT,
    /** Percent. */
    PERCENT
  }
}
