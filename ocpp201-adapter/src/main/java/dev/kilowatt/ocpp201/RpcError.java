package dev.kilowatt.ocpp201;

import java.util.Objects;

/**
 * An OCPP-J 2.0.1 CALLERROR, received for one of the station's calls or raised locally before a call
 * went out (a payload that breaks its schema, a link that is not open).
 *
 * @param code the error code
 * @param description for people; may be empty
 */
public record RpcError(ErrorCode code, String description) {

  /** Rejects a null code or description. */
  public RpcError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(description, "description");
  }

  /**
   * The failure a call completes with when this error answers it.
   *
   * @return an exception carrying this error
   */
  public RpcException failure() {
    return new RpcException(this);
  }

  /** A call that failed with a CALLERROR. */
  public static final class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RpcError error;

    RpcException(RpcError error) {
      super(error.code().wireValue() + ": " + error.description(), null, false, false);
      this.error = error;
    }

    /** {@return the CALLERROR the call failed with} */
    public RpcError error() {
      return error;
    }
  }
}
