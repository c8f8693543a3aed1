package dev.kilowatt.core.message;

import java.util.Optional;

/** Which log a GetLog asks for (security extension LogEnumType). */
public enum LogType implements OcppEnum {
  DIAGNOSTICS_LOG("DiagnosticsLog"),
  SECURITY_LOG("SecurityLog");

  private final String ocppValue;

  LogType(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<LogType> fromOcpp(String value) {
    return OcppEnum.lookup(LogType.class, value);
  }
}
