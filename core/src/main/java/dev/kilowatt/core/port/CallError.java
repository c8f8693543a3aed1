package dev.kilowatt.core.port;

import java.util.Objects;

/**
 * An OCPP-J CALLERROR.
 *
 * @param code the error code
 * @param description human-readable detail; may be empty
 */
public record CallError(Code code, String description) {

  /** Rejects a missing code or description; a CALLERROR without detail carries an empty description. */
  public CallError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(description, "description");
  }

  /** The CALLERROR codes of OCPP-J 1.6, section 4.2.3 (including the spec's own spelling of Occurence). */
  public enum Code {
    /** The receiver does not know the action. */
    NOT_IMPLEMENTED("NotImplemented"),
    /** The receiver knows the action but does not support it. */
    NOT_SUPPORTED("NotSupported"),
    /** The receiver failed while handling the request. */
    INTERNAL_ERROR("InternalError"),
    /** The payload is incomplete for the action. */
    PROTOCOL_ERROR("ProtocolError"),
    /** A security problem kept the receiver from handling the request. */
    SECURITY_ERROR("SecurityError"),
    /** The payload is not well-formed or does not fit the action's structure. */
    FORMATION_VIOLATION("FormationViolation"),
    /** A field holds a value outside what the action allows. */
    PROPERTY_CONSTRAINT_VIOLATION("PropertyConstraintViolation"),
    /** A required field is missing or a field occurs too often. */
    OCCURENCE_CONSTRAINT_VIOLATION("OccurenceConstraintViolation"),
    /** A field holds a value of the wrong type, e.g. text where a number belongs. */
    TYPE_CONSTRAINT_VIOLATION("TypeConstraintViolation"),
    /** Any other error, and the reading of a code this library does not know. */
    GENERIC_ERROR("GenericError");

    private final String wire;

    Code(String wire) {
      this.wire = wire;
    }

    /** {@return the code as written in a CALLERROR frame} */
    public String ocppValue() {
      return wire;
    }

    /**
     * The code for a wire value; unknown values read as {@link #GENERIC_ERROR}.
     *
     * @param value the error code of a received CALLERROR
     * @return the code, or {@link #GENERIC_ERROR} for one OCPP-J 1.6 does not define
     */
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
