package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point's answer to RemoteStartTransaction and RemoteStopTransaction. */
public enum RemoteStartStopStatus implements OcppEnum {
  /** The charge point will try to start or stop the transaction. */
  ACCEPTED("Accepted"),
  /** The charge point will not start or stop it. */
  REJECTED("Rejected");

  private final String ocppValue;

  RemoteStartStopStatus(String ocppValue) {
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
  public static Optional<RemoteStartStopStatus> fromOcpp(String value) {
    return OcppEnum.lookup(RemoteStartStopStatus.class, value);
  }
}
