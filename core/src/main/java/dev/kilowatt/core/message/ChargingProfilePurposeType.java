package dev.kilowatt.core.message;

import java.util.Optional;

/** What a charging profile limits: the whole charge point, new transactions by default, or one transaction. */
public enum ChargingProfilePurposeType implements OcppEnum {
  /** A limit on the whole charge point, e.g. its grid connection; only on connector 0. */
  CHARGE_POINT_MAX_PROFILE("ChargePointMaxProfile"),
  /** The limit for each new transaction that has no profile of its own. */
  TX_DEFAULT_PROFILE("TxDefaultProfile"),
  /** The limit for one transaction, replacing the default for it. */
  TX_PROFILE("TxProfile");

  private final String ocppValue;

  ChargingProfilePurposeType(String ocppValue) {
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
  public static Optional<ChargingProfilePurposeType> fromOcpp(String value) {
    return OcppEnum.lookup(ChargingProfilePurposeType.class, value);
  }
}
