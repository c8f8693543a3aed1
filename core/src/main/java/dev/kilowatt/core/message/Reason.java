package dev.kilowatt.core.message;

import java.util.Optional;

/** Why a transaction ended, as reported in StopTransaction; an absent reason means Local. */
public enum Reason implements OcppEnum {
  /** The emergency stop was pressed. */
  EMERGENCY_STOP("EmergencyStop"),
  /** The cable was unplugged from the EV. */
  EV_DISCONNECTED("EVDisconnected"),
  /** A hard Reset ended the transaction. */
  HARD_RESET("HardReset"),
  /** The user ended it at the charge point, e.g. by presenting the idTag again. */
  LOCAL("Local"),
  /** A reason none of the others covers. */
  OTHER("Other"),
  /** The charge point lost its power supply. */
  POWER_LOSS("PowerLoss"),
  /** The charge point rebooted on its own initiative, e.g. for a firmware update. */
  REBOOT("Reboot"),
  /** The Central System asked for it with RemoteStopTransaction. */
  REMOTE("Remote"),
  /** A soft Reset ended the transaction. */
  SOFT_RESET("SoftReset"),
  /** The Central System's UnlockConnector released the cable. */
  UNLOCK_COMMAND("UnlockCommand"),
  /** The idTag turned out not to be authorized, e.g. by StartTransaction's answer. */
  DE_AUTHORIZED("DeAuthorized");

  private final String ocppValue;

  Reason(String ocppValue) {
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
  public static Optional<Reason> fromOcpp(String value) {
    return OcppEnum.lookup(Reason.class, value);
  }
}
