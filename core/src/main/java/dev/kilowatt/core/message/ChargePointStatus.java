package dev.kilowatt.core.message;

import java.util.Optional;

/** State of a connector (or of the whole charge point, connector 0) as reported in StatusNotification. */
public enum ChargePointStatus implements OcppEnum {
  AVAILABLE("Available"),
  PREPARING("Preparing"),
  CHARGING("Charging"),
  SUSPENDED_EVSE("SuspendedEVSE"),
  SUSPENDED_EV("SuspendedEV"),
  FINISHING("Finishing"),
  RESERVED("Reserved"),
  UNAVAILABLE("Unavailable"),
  FAULTED("Faulted");

  private final String ocppValue;

  ChargePointStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ChargePointStatus> fromOcpp(String value) {
    return OcppEnum.lookup(ChargePointStatus.class, value);
  }
}
