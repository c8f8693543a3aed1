package dev.kilowatt.core.message;

/**
 * The charge point asks the Central System whether an idTag may start or stop charging.
 *
 * @param idTag the identifier presented, e.g. an RFID card's UID; at most 20 characters
 */
public record AuthorizeRequest(String idTag) implements ChargePointRequest<AuthorizeResponse> {

  /** Rejects a null {@code idTag}. */
  public AuthorizeRequest {
    Fields.required(idTag, "idTag");
  }

  @Override
  public Action action() {
    return Action.AUTHORIZE;
  }
}
