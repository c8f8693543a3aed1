package dev.kilowatt.core.message;

import java.util.Optional;

/** State of a connector (or of the whole charge point, connector 0) as reported in StatusNotification. */
public enum ChargePointStatus implements OcppEnum {
  /** Free for a new user. */
  AVAILABLE("Available"),
  /** A user has presented an idTag or plugged in, but charging has not started yet. */
  PREPARING("Preparing"),
  /** The contactor is closed and the EV may draw energy. */
  CHARGING("Charging"),
  /** An EV is connected, but the charge point offers no energy, e.g. a charging profile limits it to zero. */
  SUSPENDED_EVSE("SuspendedEVSE"),
  /** The charge point offers energy, but the EV draws none, e.g. its battery is full. */
  SUSPENDED_EV("SuspendedEV"),
  /** The transaction has ended, but the connector is not free yet, e.g. the cable is still plugged in. */
  FINISHING("Finishing"),
  /** Held for one idTag by a reservation. */
  RESERVED("Reserved"),
  /** Out of service, e.g. after ChangeAvailability to Inoperative. */
  UNAVAILABLE("Unavailable"),
  /** An error keeps the connector from charging. */
  FAULTED("Faulted");

  private final String ocppValue;

  ChargePointStatus(String ocppValue) {
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
  public static Optional<ChargePointStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ChargePointStatus.class, value);
  }
}
