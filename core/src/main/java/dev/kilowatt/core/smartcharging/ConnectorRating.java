package dev.kilowatt.core.smartcharging;

/**
 * The electrical side of a connector (for connector 0: of the whole charge point), which converts limits
 * between W and A and caps every composite schedule.
 *
 * @param voltage nominal phase-to-neutral voltage in V
 * @param phases phases the connector can charge on, 1 to 3
 * @param maxCurrentA the most current per phase the connector offers, in A
 */
record ConnectorRating(double voltage, int phases, double maxCurrentA) {

  ConnectorRating {
    if (!(voltage > 0) || Double.isInfinite(voltage) || phases < 1 || phases > 3 || !(maxCurrentA >= 0)
        || Double.isInfinite(maxCurrentA)) {
      throw new IllegalArgumentException("not a connector rating: " + voltage + " V, " + phases + " phases, "
          + maxCurrentA + " A");
    }
  }
}
