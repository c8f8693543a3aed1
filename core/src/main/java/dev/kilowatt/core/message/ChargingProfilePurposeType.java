package dev.kilowatt.core.message;

import java.util.Optional;

/** What a charging profile limits: the whole charge point, new transactions by default, or one transaction. */
public enum ChargingProfilePurposeType implements OcppEnum {
  CHARGE_POINT_MAX_PROFILE("ChargePointMaxProfile"),
  TX_DEFAULT_PROFILE("TxDefaultProfile"),
  TX_PROFILE("TxProfile");

  private final String ocppValue;

  ChargingProfilePurposeType(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<ChargingProfilePurposeType> fromOcpp(String value) {
    return OcppEnum.lookup(ChargingProfilePurposeType.class, value);
  }
}
