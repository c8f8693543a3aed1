package dev.kilowatt.core.message;

import java.util.Optional;

/** The message a TriggerMessage asks the charge point to send. */
public enum MessageTrigger implements OcppEnum {
  /** Send a BootNotification. */
  BOOT_NOTIFICATION("BootNotification"),
  /** Send a DiagnosticsStatusNotification about the current diagnostics upload. */
  DIAGNOSTICS_STATUS_NOTIFICATION("DiagnosticsStatusNotification"),
  /** Send a FirmwareStatusNotification about the current firmware update. */
  FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification"),
  /** Send a Heartbeat. */
  HEARTBEAT("Heartbeat"),
  /** Send MeterValues with the current readings. */
  METER_VALUES("MeterValues"),
  /** Send a StatusNotification. */
  STATUS_NOTIFICATION("StatusNotification");

  private final String ocppValue;

  MessageTrigger(String ocppValue) {
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
  public static Optional<MessageTrigger> fromOcpp(String value) {
    return OcppEnum.lookup(MessageTrigger.class, value);
  }
}
