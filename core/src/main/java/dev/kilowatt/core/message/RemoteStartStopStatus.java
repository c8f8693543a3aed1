package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to RemoteStartTransaction and RemoteStopTransaction. */
public enum RemoteStartStopStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected");

  private final String ocppValue;

  RemoteStartStopStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<RemoteStartStopStatus> fromOcpp(String value) {
    return OcppEnum.lookup(RemoteStartStopStatus.class, value);
  }
}
