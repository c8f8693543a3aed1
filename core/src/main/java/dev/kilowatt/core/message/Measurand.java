package dev.kilowatt.core.message;

import java.util.Optional;

/** The quantity a SampledValue measures; an absent measurand means Energy.Active.Import.Register. */
public enum Measurand implements OcppEnum {
  /** Energy the EV fed back to the grid, as the meter's running total (Wh). */
  ENERGY_ACTIVE_EXPORT_REGISTER("Energy.Active.Export.Register"),
  /** Energy delivered to the EV, as the meter's running total (Wh); the usual transaction reading. */
  ENERGY_ACTIVE_IMPORT_REGISTER("Energy.Active.Import.Register"),
  /** Reactive energy fed back by the EV, as a running total (varh). */
  ENERGY_REACTIVE_EXPORT_REGISTER("Energy.Reactive.Export.Register"),
  /** Reactive energy delivered to the EV, as a running total (varh). */
  ENERGY_REACTIVE_IMPORT_REGISTER("Energy.Reactive.Import.Register"),
  /** Energy the EV fed back during the last sample interval (Wh). */
  ENERGY_ACTIVE_EXPORT_INTERVAL("Energy.Active.Export.Interval"),
  /** Energy delivered to the EV during the last sample interval (Wh). */
  ENERGY_ACTIVE_IMPORT_INTERVAL("Energy.Active.Import.Interval"),
  /** Reactive energy fed back during the last sample interval (varh). */
  ENERGY_REACTIVE_EXPORT_INTERVAL("Energy.Reactive.Export.Interval"),
  /** Reactive energy delivered during the last sample interval (varh). */
  ENERGY_REACTIVE_IMPORT_INTERVAL("Energy.Reactive.Import.Interval"),
  /** The power the EV feeds back at this moment (W). */
  POWER_ACTIVE_EXPORT("Power.Active.Export"),
  /** The power the EV draws at this moment (W). */
  POWER_ACTIVE_IMPORT("Power.Active.Import"),
  /** The most power the charge point offers the EV now, e.g. after a charging profile (W). */
  POWER_OFFERED("Power.Offered"),
  /** The reactive power fed back at this moment (var). */
  POWER_REACTIVE_EXPORT("Power.Reactive.Export"),
  /** The reactive power drawn at this moment (var). */
  POWER_REACTIVE_IMPORT("Power.Reactive.Import"),
  /** The power factor of the energy flow at this moment. */
  POWER_FACTOR("Power.Factor"),
  /** The current flowing to the EV at this moment (A). */
  CURRENT_IMPORT("Current.Import"),
  /** The current flowing from the EV at this moment (A). */
  CURRENT_EXPORT("Current.Export"),
  /** The most current per phase the charge point offers the EV now (A). */
  CURRENT_OFFERED("Current.Offered"),
  /** The RMS supply voltage at this moment (V). */
  VOLTAGE("Voltage"),
  /** The grid frequency at this moment. */
  FREQUENCY("Frequency"),
  /** A temperature in the charge point. */
  TEMPERATURE("Temperature"),
  /** The EV battery's state of charge (Percent). */
  SOC("SoC"),
  /** A fan's speed in revolutions per minute. */
  RPM("RPM");

  private final String ocppValue;

  Measurand(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /**
   * The constant whose wire value is exactly {@code value}, if any.
   *
   * @param value the string as written in OCPP JSON; the match is case-sensitive
   * @return the constant, or empty when the string is none of this enumeration's values
   */
  public static Optional<Measurand> fromOcpp(String value) {
    return OcppEnum.lookup(Measurand.class, value);
  }
}
