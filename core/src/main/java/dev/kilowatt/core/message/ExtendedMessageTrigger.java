package dev.kilowatt.core.message;

import java.util.Optional;

/** The message an ExtendedTriggerMessage asks the charge point to send (security extension MessageTriggerEnumType). */
public enum ExtendedMessageTrigger implements OcppEnum {
  /** Send a BootNotification. */
  BOOT_NOTIFICATION("BootNotification"),
  /** Send a LogStatusNotification about the current log upload. */
  LOG_STATUS_NOTIFICATION("LogStatusNotification"),
  /** Send a SignedFirmwareStatusNotification about the current firmware update. */
  FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification"),
  /** Send a Heartbeat. */
  HEARTBEAT("Heartbeat"),
  /** Send MeterValues with the current readings. */
  METER_VALUES("MeterValues"),
  /** Send a SignCertificate to renew the charge point's own certificate. */
  SIGN_CHARGE_POINT_CERTIFICATE("SignChargePointCertificate"),
  /** Send a StatusNotification. */
  STATUS_NOTIFICATION("StatusNotification");

  private final String ocppValue;

  ExtendedMessageTrigger(String ocppValue) {
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
  public static Optional<ExtendedMessageTrigger> fromOcpp(String value) {
    return OcppEnum.lookup(ExtendedMessageTrigger.class, value);
  }
}
