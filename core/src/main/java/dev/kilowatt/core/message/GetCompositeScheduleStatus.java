package dev.kilowatt.core.message;

import java.util.Optional;

/** Whether the charge point could compute the composite schedule asked for by GetCompositeSchedule. */
public enum GetCompositeScheduleStatus implements OcppEnum {
  /** The schedule was computed and is in the response. */
  ACCEPTED("Accepted"),
  /** No schedule could be computed, e.g. for an unknown connector. */
  REJECTED("Rejected");

  private final String ocppValue;

  GetCompositeScheduleStatus(String ocppValue) {
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
  public static Optional<GetCompositeScheduleStatus> fromOcpp(String value) {
    return OcppEnum.lookup(GetCompositeScheduleStatus.class, value);
  }
}
