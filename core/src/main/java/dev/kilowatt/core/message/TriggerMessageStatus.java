package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to TriggerMessage and ExtendedTriggerMessage. */
public enum TriggerMessageStatus implements OcppEnum {
  /** The requested message will be sent. */
  ACCEPTED("Accepted"),
  /** The requested message will not be sent. */
  REJECTED("Rejected"),
  /** The charge point cannot send the requested message on demand. */
  NOT_IMPLEMENTED("NotImplemented");

  private final String ocppValue;

  TriggerMessageStatus(String ocppValue) {
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
  public static Optional<TriggerMessageStatus> fromOcpp(String value) {
    return OcppEnum.lookup(TriggerMessageStatus.class, value);
  }
}
