package dev.kilowatt.ocpp201;

import dev.kilowatt.core.port.CallError;

/**
 * The CALLERROR codes of OCPP-J 2.0.1 (part 4, "RPC Framework Error Codes"). Two differ from 1.6 in
 * spelling ({@code FormatViolation}, {@code OccurrenceConstraintViolation}); two are new
 * ({@code MessageTypeNotSupported}, {@code RpcFrameworkError}).
 */
public enum ErrorCode {
  /** The payload is not syntactically valid JSON for the action. */
  FORMAT_VIOLATION("FormatViolation"),
  /** Any other error, and the reading of a code this adapter does not know. */
  GENERIC_ERROR("GenericError"),
  /** The receiver failed while handling the call. */
  INTERNAL_ERROR("InternalError"),
  /** The receiver does not know the frame's message type. */
  MESSAGE_TYPE_NOT_SUPPORTED("MessageTypeNotSupported"),
  /** The receiver does not know the action. */
  NOT_IMPLEMENTED("NotImplemented"),
  /** The receiver knows the action but does not support it. */
  NOT_SUPPORTED("NotSupported"),
  /** A required field is missing or a field occurs too often. */
  OCCURRENCE_CONSTRAINT_VIOLATION("OccurrenceConstraintViolation"),
  /** A field holds a value outside what the action allows. */
  PROPERTY_CONSTRAINT_VIOLATION("PropertyConstraintViolation"),
  /** The payload does not have the structure the action's message needs, e.g. a property it does not have. */
  PROTOCOL_ERROR("ProtocolError"),
  /** The frame is no valid RPC frame, e.g. its message id cannot be read. */
  RPC_FRAMEWORK_ERROR("RpcFrameworkError"),
  /** A security problem kept the receiver from handling the call. */
  SECURITY_ERROR("SecurityError"),
  /** A field holds a value of the wrong type, e.g. text where a number belongs. */
  TYPE_CONSTRAINT_VIOLATION("TypeConstraintViolation");

  private final String wire;

  ErrorCode(String wire) {
    this.wire = wire;
  }

  /** {@return the code as a CALLERROR frame spells it} */
  public String wireValue() {
    return wire;
  }

  /**
   * The code for a wire value; an unknown one reads as {@link #GENERIC_ERROR}, as any code outside the table.
   *
   * @param value the error code of a received CALLERROR
   * @return the code
   */
  public static ErrorCode fromWire(String value) {
    for (ErrorCode code : values()) {
      if (code.wire.equals(value)) {
        return code;
      }
    }
    return GENERIC_ERROR;
  }

  /**
   * The 2.0.1 code of a schema breach the shared validator classified under its 1.6 code. Part 4 of 2.0.1
   * splits 1.6's FormationViolation ("syntactically incorrect or not conform the PDU structure") in two:
   * FormatViolation is "syntactically incorrect", ProtocolError "not conform the PDU structure". The
   * validator's FormationViolation is a property the message does not have, so a ProtocolError in 2.0.1.
   */
  static ErrorCode ofBreach(CallError.Code breach) {
    return switch (breach) {
      case FORMATION_VIOLATION -> PROTOCOL_ERROR;
      case OCCURENCE_CONSTRAINT_VIOLATION -> OCCURRENCE_CONSTRAINT_VIOLATION;
      case PROPERTY_CONSTRAINT_VIOLATION -> PROPERTY_CONSTRAINT_VIOLATION;
      case TYPE_CONSTRAINT_VIOLATION -> TYPE_CONSTRAINT_VIOLATION;
      default -> throw new IllegalArgumentException(breach + " is no kind of schema breach");
    };
  }

  /**
   * The core's reading of this code, for a CALLERROR the CSMS answered one of the core's calls with: 1.6
   * has eight of the twelve, under the spellings of 1.6 (FormatViolation was FormationViolation).
   *
   * @return the core's code; GenericError for the 2.0.1 codes 1.6 lacks
   */
  public CallError.Code toCore() {
    return switch (this) {
      case FORMAT_VIOLATION -> CallError.Code.FORMATION_VIOLATION;
      case INTERNAL_ERROR -> CallError.Code.INTERNAL_ERROR;
      case NOT_IMPLEMENTED -> CallError.Code.NOT_IMPLEMENTED;
      case NOT_SUPPORTED -> CallError.Code.NOT_SUPPORTED;
      case OCCURRENCE_CONSTRAINT_VIOLATION -> CallError.Code.OCCURENCE_CONSTRAINT_VIOLATION;
      case PROPERTY_CONSTRAINT_VIOLATION -> CallError.Code.PROPERTY_CONSTRAINT_VIOLATION;
      case PROTOCOL_ERROR -> CallError.Code.PROTOCOL_ERROR;
      case SECURITY_ERROR -> CallError.Code.SECURITY_ERROR;
      case TYPE_CONSTRAINT_VIOLATION -> CallError.Code.TYPE_CONSTRAINT_VIOLATION;
      case GENERIC_ERROR, MESSAGE_TYPE_NOT_SUPPORTED, RPC_FRAMEWORK_ERROR -> CallError.Code.GENERIC_ERROR;
    };
  }

  /**
   * The 2.0.1 code of a CALLERROR the core answers a call of the CSMS with.
   *
   * @param code the core's code
   * @return the 2.0.1 code of the same meaning
   */
  public static ErrorCode ofCore(CallError.Code code) {
    return switch (code) {
      case FORMATION_VIOLATION -> FORMAT_VIOLATION;
      case INTERNAL_ERROR -> INTERNAL_ERROR;
      case NOT_IMPLEMENTED -> NOT_IMPLEMENTED;
      case NOT_SUPPORTED -> NOT_SUPPORTED;
      case OCCURENCE_CONSTRAINT_VIOLATION -> OCCURRENCE_CONSTRAINT_VIOLATION;
      case PROPERTY_CONSTRAINT_VIOLATION -> PROPERTY_CONSTRAINT_VIOLATION;
      case PROTOCOL_ERROR -> PROTOCOL_ERROR;
      case SECURITY_ERROR -> SECURITY_ERROR;
      case TYPE_CONSTRAINT_VIOLATION -> TYPE_CONSTRAINT_VIOLATION;
      case GENERIC_ERROR -> GENERIC_ERROR;
    };
  }
}
