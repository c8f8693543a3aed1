package dev.kilowatt.core.smartcharging;

import java.util.Locale;
import java.util.Objects;

/**
 * What bound a current: the answer to "why this many amperes?". Plain domain values, no OCPP message types, so
 * that an adapter for another OCPP version can report them too.
 */
sealed interface LimitBound {

  /** The bound for people, as a log line or a chart legend says it. */
  String describe();

  /** Where a charging profile applies; OCPP 2.0.1 names the first one ChargingStationMaxProfile. */
  enum Purpose {
    CHARGE_POINT_MAX("charge point maximum"),
    TX_DEFAULT("transaction default"),
    TX("transaction");

    private final String label;

    Purpose(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** The unit a charging schedule is written in. */
  enum RateUnit {
    AMPERES,
    WATTS
  }

  /**
   * A period of a charging profile.
   *
   * @param profileId the chargingProfileId
   * @param purpose what the profile is for
   * @param stackLevel its stack level
   * @param connectorId the connector it is installed on, 0 for the whole charge point
   * @param periodIndex which period of the schedule, counted from 0
   * @param startPeriod that period's start, in seconds from the start of the schedule
   * @param limit the period's limit as written, in {@code unit}
   * @param unit the schedule's unit
   * @param phases the phases a limit in W was converted with
   */
  record Profile(int profileId, Purpose purpose, int stackLevel, int connectorId, int periodIndex, int startPeriod,
      double limit, RateUnit unit, int phases) implements LimitBound {
    public Profile {
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(unit, "unit");
    }

    @Override
    public String describe() {
      String written = unit == RateUnit.WATTS
          ? String.format(Locale.ROOT, "%.1f W on %d phase%s", limit, phases, phases == 1 ? "" : "s")
          : String.format(Locale.ROOT, "%.1f A", limit);
      return String.format(Locale.ROOT, "%s profile %d on connector %d, stack level %d, period %d from %d s: %s",
          purpose, profileId, connectorId, stackLevel, periodIndex, startPeriod, written);
    }
  }

  /** The most the connector (for the grid: the whole charge point) is built for. */
  record HardwareRating(double amperes) implements LimitBound {
    @Override
    public String describe() {
      return String.format(Locale.ROOT, "hardware rating %.1f A", amperes);
    }
  }

  /** The limit of the grid connection the manufacturer or installer set, whatever the profiles say. */
  record InstallationLimit(double amperes) implements LimitBound {
    @Override
    public String describe() {
      return String.format(Locale.ROOT, "installation limit %.1f A", amperes);
    }
  }

  /**
   * The connector's share of the grid limit.
   *
   * @param grid the grid limit and what bound it
   * @param sharing how many connectors drew from it
   */
  record Share(ExplainedLimit grid, int sharing) implements LimitBound {
    public Share {
      Objects.requireNonNull(grid, "grid");
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "share of %.1f A among %d connectors (%s)", grid.amperes(), sharing, grid.bound().describe());
    }
  }

  /**
   * The EV took less than it was offered, so the offer follows its draw and the rest goes to the others.
   *
   * @param measuredAmperes what the EV drew per phase when the offer was cut
   */
  record EvDraw(double measuredAmperes) implements LimitBound {
    @Override
    public String describe() {
      return String.format(Locale.ROOT, "the EV draws only %.1f A", measuredAmperes);
    }
  }

  /**
   * The EV paused (pilot state B) during its transaction: it keeps the pilot's least current, so that it can ask
   * again, and the rest goes to the others.
   *
   * @param amperes the current it keeps
   */
  record Paused(double amperes) implements LimitBound {
    @Override
    public String describe() {
      return String.format(Locale.ROOT, "the EV paused and keeps the pilot's %.1f A to resume with", amperes);
    }
  }

  /** The EV does not ask for energy. */
  record NotCharging() implements LimitBound {
    @Override
    public String describe() {
      return "the EV does not ask for energy";
    }
  }

  /**
   * The limit is below the least current the control pilot can signal, so nothing is offered.
   *
   * @param minimumAmperes the least current the pilot signals (6 A in IEC 61851-1)
   * @param below the limit that fell short
   */
  record BelowPilotMinimum(double minimumAmperes, ExplainedLimit below) implements LimitBound {
    public BelowPilotMinimum {
      Objects.requireNonNull(below, "below");
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "%.1f A is below the pilot's %.1f A (%s)", below.amperes(), minimumAmperes, below.bound().describe());
    }
  }

  /**
   * The grid limit cannot give this EV the pilot's least current besides those already charging, so it waits.
   *
   * @param grid the grid limit and what bound it
   */
  record Waiting(ExplainedLimit grid) implements LimitBound {
    public Waiting {
      Objects.requireNonNull(grid, "grid");
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "waiting: %.1f A cannot give one more EV the pilot's minimum (%s)", grid.amperes(),
          grid.bound().describe());
    }
  }
}
