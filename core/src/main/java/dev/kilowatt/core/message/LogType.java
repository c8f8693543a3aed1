package dev.kilowatt.core.message;

import java.util.Optional;

/** Which log a GetLog asks for (security extension LogEnumType). */
public enum LogType implements OcppEnum {
  /** The log of diagnostics information, as GetDiagnostics would upload. */
  DIAGNOSTICS_LOG("DiagnosticsLog"),
  /** The log of security events. */
  SECURITY_LOG("SecurityLog");

  private final String ocppValue;

  LogType(String ocppValue) {
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
  public static Optional<LogType> fromOcpp(String value) {
    return OcppEnum.lookup(LogType.class, value);
  }
}
