package dev.kilowatt.core.message;

/** The charge point asks the Central System whether an idTag may start or stop charging. */
public record AuthorizeRequest(String idTag) implements ChargePointRequest<AuthorizeResponse> {

  public AuthorizeRequest {
    Fields.required(idTag, "idTag");
  }

  @Override
  public Action action() {
    return Action.AUTHORIZE;
  }
}
