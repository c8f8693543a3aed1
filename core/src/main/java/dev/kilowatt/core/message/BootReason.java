package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * Why the charge point started, as far as the domain knows: a reboot it asked of its platform leaves its reason
 * behind, any other start (a power cut, a crash, the board's own restart) reads as {@link #POWER_UP}. OCPP 1.6's
 * BootNotification has no such field; the wire values are OCPP 2.0.1's (BootReasonEnumType), of which these are
 * the ones the domain can tell.
 */
public enum BootReason implements OcppEnum {
  /** No reboot of the domain's came before: the power came on, or the board restarted on its own. */
  POWER_UP("PowerUp"),
  /** The central system asked for it (Reset, soft or hard). */
  REMOTE_RESET("RemoteReset"),
  /** A new firmware image was installed and the reboot runs it. */
  FIRMWARE_UPDATE("FirmwareUpdate");

  private final String ocppValue;

  BootReason(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /**
   * The constant whose wire value is exactly {@code value}, if any.
   *
   * @param value the string as OCPP 2.0.1 writes it; the match is case-sensitive
   * @return the constant, or empty when the string is none of this enumeration's values
   */
  public static Optional<BootReason> fromOcpp(String value) {
    return OcppEnum.lookup(BootReason.class, value);
  }
}
