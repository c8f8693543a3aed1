package dev.kilowatt.examples;

/** Which OCPP the charger speaks to its central system: the same core and hardware either way. */
enum Protocol {
  /** OCPP-J 1.6 (kilowatt-ocpp's OcppJsonLink). */
  OCPP16("1.6"),
  /** OCPP 2.0.1 (kilowatt-ocpp201's Ocpp201CentralSystem). */
  OCPP201("2.0.1"),
  /** Both offered, 2.0.1 first, and the one the central system chooses spoken (NegotiatedCentralSystem). */
  AUTO("auto");

  private final String option;

  Protocol(String option) {
    this.option = option;
  }

  /** How the command line names it. */
  String option() {
    return option;
  }
}
