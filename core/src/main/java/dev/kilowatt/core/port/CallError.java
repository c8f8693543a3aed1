package dev.kilowatt.core.port;

import java.util.Objects;

/**
 * An OCPP-J CALLERROR.
 *
 * @param code the error code
 * @param description human-readable detail; may be empty
 */
public record CallError(Code code, String description) {

  public CallError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(description, "description");
  }

  /** The CALLERROR codes of OCPP-J 1.6, section 4.2.3 (including the spec's own spelling of Occurence). */
  public enum Code {
    NOT_IMPLEMENTED("NotImplemented"),
    NOT_SUPPORTED("NotSupported"),
    INTERNAL_ERROR("InternalError"),
    PROTOCOL_ERROR("ProtocolError"),
    SECURITY_ERROR("SecurityError"),
    FORMATION_VIOLATION("FormationViolation"),
    PROPERTY_CONSTRAINT_VIOLATION("PropertyConstraintViolation"),
    OCCURENCE_CONSTRAINT_VIOLATION("OccurenceConstraintViolation"),
    TYPE_CONSTRAINT_VIOLATION("TypeConstraintViolation"),
    GENERIC_ERROR("GenericError");

    private final String wire;

    Code(String wire) {
      this.wire = wire;
    }

    public String ocppValue() {
      return wire;
    }

    /** The code for a wire value; unknown values read as {@link #GENERIC_ERROR}. */
    public static Code fromOcpp(String value) {
      for (Code c : values()) {
        if (c.wire.equals(value)) {
          return c;
        }
      }
      return GENERIC_ERROR;
    }
  }
}
