package dev.kilowatt.core.message;

import java.util.Optional;

/** Error condition reported alongside a status in StatusNotification; NoError when there is none. */
public enum ChargePointErrorCode implements OcppEnum {
  /** The cable lock did not lock or unlock. */
  CONNECTOR_LOCK_FAILURE("ConnectorLockFailure"),
  /** Communication with the EV failed, e.g. on the control pilot; the connector need not be Faulted. */
  EV_COMMUNICATION_ERROR("EVCommunicationError"),
  /** The residual current (ground fault) protection tripped. */
  GROUND_FAILURE("GroundFailure"),
  /** The inside of the charge point is too hot. */
  HIGH_TEMPERATURE("HighTemperature"),
  /** A hardware or software component of the charge point failed. */
  INTERNAL_ERROR("InternalError"),
  /** The Central System's answer for an idTag contradicts the local authorization list. */
  LOCAL_LIST_CONFLICT("LocalListConflict"),
  /** No error: the status is reported for another reason. */
  NO_ERROR("NoError"),
  /** An error with no code of its own; the vendor error code and info tell more. */
  OTHER_ERROR("OtherError"),
  /** The over-current protection tripped. */
  OVER_CURRENT_FAILURE("OverCurrentFailure"),
  /** The energy meter could not be read. */
  POWER_METER_FAILURE("PowerMeterFailure"),
  /** The contactor or relay could not be switched. */
  POWER_SWITCH_FAILURE("PowerSwitchFailure"),
  /** The idTag reader failed. */
  READER_FAILURE("ReaderFailure"),
  /** A Reset could not be carried out. */
  RESET_FAILURE("ResetFailure"),
  /** The supply voltage is below the allowed range. */
  UNDER_VOLTAGE("UnderVoltage"),
  /** The supply voltage is above the allowed range. */
  OVER_VOLTAGE("OverVoltage"),
  /** The wireless link to the Central System is too weak. */
  WEAK_SIGNAL("WeakSignal");

  private final String ocppValue;

  ChargePointErrorCode(String ocppValue) {
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
  public static Optional<ChargePointErrorCode> fromOcpp(String value) {
    return OcppEnum.lookup(ChargePointErrorCode.class, value);
  }
}
