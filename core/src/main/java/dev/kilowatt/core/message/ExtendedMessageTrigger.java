package dev.kilowatt.core.message;

import java.util.Optional;

/** The message an ExtendedTriggerMessage asks the charge point to send (security extension MessageTriggerEnumType). */
public enum ExtendedMessageTrigger implements OcppEnum {
  BOOT_NOTIFICATION("BootNotification"),
  LOG_STATUS_NOTIFICATION("LogStatusNotification"),
  FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification"),
  HEARTBEAT("Heartbeat"),
  METER_VALUES("MeterValues"),
  SIGN_CHARGE_POINT_CERTIFICATE("SignChargePointCertificate"),
  STATUS_NOTIFICATION("StatusNotification");

  private final String ocppValue;

  ExtendedMessageTrigger(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ExtendedMessageTrigger> fromOcpp(String value) {
    return OcppEnum.lookup(ExtendedMessageTrigger.class, value);
  }
}
