package dev.kilowatt.core.message;

import java.util.Optional;

/** The message a TriggerMessage asks the charge point to send. */
public enum MessageTrigger implements OcppEnum {
  BOOT_NOTIFICATION("BootNotification"),
  DIAGNOSTICS_STATUS_NOTIFICATION("DiagnosticsStatusNotification"),
  FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification"),
  HEARTBEAT("Heartbeat"),
  METER_VALUES("MeterValues"),
  STATUS_NOTIFICATION("StatusNotification");

  private final String ocppValue;

  MessageTrigger(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<MessageTrigger> fromOcpp(String value) {
    return OcppEnum.lookup(MessageTrigger.class, value);
  }
}
