package dev.kilowatt.core.message;

import java.util.Optional;

/** Why a transaction ended, as reported in StopTransaction; an absent reason means Local. */
public enum Reason implements OcppEnum {
  EMERGENCY_STOP("EmergencyStop"),
  EV_DISCONNECTED("EVDisconnected"),
  HARD_RESET("HardReset"),
  LOCAL("Local"),
  OTHER("Other"),
  POWER_LOSS("PowerLoss"),
  REBOOT("Reboot"),
  REMOTE("Remote"),
  SOFT_RESET("SoftReset"),
  UNLOCK_COMMAND("UnlockCommand"),
  DE_AUTHORIZED("DeAuthorized");

  private final String ocppValue;

  Reason(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<Reason> fromOcpp(String value) {
    return OcppEnum.lookup(Reason.class, value);
  }
}
