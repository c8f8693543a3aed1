package dev.kilowatt.core.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One reading of an energy meter.
 *
 * @param energyImportWh the active energy import register, in Wh; never decreases
 * @param powerImportW total active power drawn, in W
 * @param phases voltage, current and, where the meter gives it, active power per phase, in phase order; one entry on
 *     a single-phase meter. The OCPP measurands are Voltage L1-N.., Current.Import L1.. and Power.Active.Import L1..
 */
public record MeterReading(double energyImportWh, double powerImportW, List<PhaseReading> phases) {

  /** Rejects null phases and copies them, so a reading stays as it was taken. */
  public MeterReading {
    phases = List.copyOf(Objects.requireNonNull(phases, "phases"));
  }

  /**
   * A reading of a single-phase meter.
   *
   * @param energyImportWh the active energy import register, in Wh
   * @param powerImportW the active power drawn, in W
   * @param voltageV the phase-to-neutral voltage, in V
   * @param currentA the current drawn, in A
   * @return the reading, with its one phase as L1
   */
  public static MeterReading singlePhase(double energyImportWh, double powerImportW, double voltageV, double currentA) {
    return new MeterReading(energyImportWh, powerImportW, List.of(new PhaseReading(1, voltageV, currentA)));
  }

  /** {@return the sum of the phase currents, in A} */
  public double totalCurrentA() {
    return phases.stream().mapToDouble(PhaseReading::currentA).sum();
  }

  /**
   * Voltage, current and active power of one phase.
   *
   * @param phase 1, 2 or 3 (L1, L2, L3)
   * @param voltageV phase-to-neutral voltage, in V
   * @param currentA current drawn on the phase, in A
   * @param powerW active power drawn on the phase, in W, if a multi-phase meter measures it per phase; a
   *     single-phase meter leaves it out, as its total is that phase's
   */
  public record PhaseReading(int phase, double voltageV, double currentA, Optional<Double> powerW) {
    /** Rejects a phase other than 1, 2 or 3 and a null power. */
    public PhaseReading {
      if (phase < 1 || phase > 3) {
        throw new IllegalArgumentException("phase must be 1, 2 or 3: " + phase);
      }
      Objects.requireNonNull(powerW, "powerW");
    }

    /**
     * A phase of a meter that measures power only in total.
     *
     * @param phase 1, 2 or 3 (L1, L2, L3)
     * @param voltageV phase-to-neutral voltage, in V
     * @param currentA current drawn on the phase, in A
     */
    public PhaseReading(int phase, double voltageV, double currentA) {
      this(phase, voltageV, currentA, Optional.empty());
    }
  }
}
