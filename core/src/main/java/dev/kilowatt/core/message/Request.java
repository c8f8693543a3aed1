package dev.kilowatt.core.message;

/** The payload of a CALL: an OCPP request whose answer is a {@code R}. */
public sealed interface Request<R extends Response> permits ChargePointRequest, CentralSystemRequest {

  /** The OCPP action this request performs. */
  Action action();
}
