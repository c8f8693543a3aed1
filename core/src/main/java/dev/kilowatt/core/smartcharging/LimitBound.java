package dev.kilowatt.core.smartcharging;

import java.util.Objects;

/**
 * What bound a current: the answer to "why this many amperes?". Plain domain values, no OCPP message types, so
 * that an adapter for another OCPP version can report them too.
 */
public sealed interface LimitBound {

  /** Where a charging profile applies; OCPP 2.0.1 names the first one ChargingStationMaxProfile. */
  enum Purpose {
    CHARGE_POINT_MAX,
    TX_DEFAULT,
    TX
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
  }

  /** The most the connector (for the grid: the whole charge point) is built for. */
  record HardwareRating(double amperes) implements LimitBound {}

  /** The limit of the grid connection the manufacturer or installer set, whatever the profiles say. */
  record InstallationLimit(double amperes) implements LimitBound {}

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
  }

  /**
   * The EV took less than it was offered, so the offer follows its draw and the rest goes to the others.
   *
   * @param measuredAmperes what the EV drew per phase when the offer was cut
   */
  record EvDraw(double measuredAmperes) implements LimitBound {}

  /** The EV does not ask for energy. */
  record NotCharging() implements LimitBound {}

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
  }
}
