package dev.kilowatt.core.message;

import java.util.Optional;

/** Error condition reported alongside a status in StatusNotification; NoError when there is none. */
public enum ChargePointErrorCode implements OcppEnum {
  CONNECTOR_LOCK_FAILURE("ConnectorLockFailure"),
  EV_COMMUNICATION_ERROR("EVCommunicationError"),
  GROUND_FAILURE("GroundFailure"),
  HIGH_TEMPERATURE("HighTemperature"),
  INTERNAL_ERROR("InternalError"),
  LOCAL_LIST_CONFLICT("LocalListConflict"),
  NO_ERROR("NoError"),
  OTHER_ERROR("OtherError"),
  OVER_CURRENT_FAILURE("OverCurrentFailure"),
  POWER_METER_FAILURE("PowerMeterFailure"),
  POWER_SWITCH_FAILURE("PowerSwitchFailure"),
  READER_FAILURE("ReaderFailure"),
  RESET_FAILURE("ResetFailure"),
  UNDER_VOLTAGE("UnderVoltage"),
  OVER_VOLTAGE("OverVoltage"),
  WEAK_SIGNAL("WeakSignal");

  private final String ocppValue;

  ChargePointErrorCode(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ChargePointErrorCode> fromOcpp(String value) {
    return OcppEnum.lookup(ChargePointErrorCode.class, value);
  }
}
