package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to TriggerMessage and ExtendedTriggerMessage. */
public enum TriggerMessageStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  NOT_IMPLEMENTED("NotImplemented");

  private final String ocppValue;

  TriggerMessageStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<TriggerMessageStatus> fromOcpp(String value) {
    return OcppEnum.lookup(TriggerMessageStatus.class, value);
  }
}
