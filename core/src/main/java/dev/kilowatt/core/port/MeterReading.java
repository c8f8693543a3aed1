package dev.kilowatt.core.port;

import java.util.List;
import java.util.Objects;

/**
 * One reading of an energy meter.
 *
 * @param energyImportWh the active energy import register, in Wh; never decreases
 * @param powerImportW total active power drawn, in W
 * @param phases voltage and current per phase, in phase order; one entry on a single-phase meter
 */
public record MeterReading(double energyImportWh, double powerImportW, List<PhaseReading> phases) {

  public MeterReading {
    phases = List.copyOf(Objects.requireNonNull(phases, "phases"));
  }

  /** A reading of a single-phase meter. */
  public static MeterReading singlePhase(double energyImportWh, double powerImportW, double voltageV, double currentA) {
    return new MeterReading(energyImportWh, powerImportW, List.of(new PhaseReading(1, voltageV, currentA)));
  }

  /** The sum of the phase currents, in A. */
  public double totalCurrentA() {
    return phases.stream().mapToDouble(PhaseReading::currentA).sum();
  }

  /**
   * Voltage and current of one phase.
   *
   * @param phase 1, 2 or 3 (L1, L2, L3)
   */
  public record PhaseReading(int phase, double voltageV, double currentA) {
    public PhaseReading {
      if (phase < 1 || phase > 3) {
        throw new IllegalArgumentException("phase must be 1, 2 or 3: " + phase);
      }
    }
  }
}
