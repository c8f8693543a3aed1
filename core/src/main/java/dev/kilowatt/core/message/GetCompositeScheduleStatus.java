package dev.kilowatt.core.message;

import java.util.Optional;

/** Whether the charge point could compute the composite schedule asked for by GetCompositeSchedule. */
public enum GetCompositeScheduleStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected");

  private final String ocppValue;

  GetCompositeScheduleStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<GetCompositeScheduleStatus> fromOcpp(String value) {
    return OcppEnum.lookup(GetCompositeScheduleStatus.class, value);
  }
}
