package dev.kilowatt.core.message;

/**
 * The payload of a CALL: an OCPP request whose answer is a {@code R}.
 *
 * @param <R> the type of the CALLRESULT that answers this request
 */
public sealed interface Request<R extends Response> permits ChargePointRequest, CentralSystemRequest {

  /** {@return the OCPP action this request performs} */
  Action action();
}
