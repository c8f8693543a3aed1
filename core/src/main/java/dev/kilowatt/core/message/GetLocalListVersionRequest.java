package dev.kilowatt.core.message;

/** The Central System asks for the version of the local authorization list. */
public record GetLocalListVersionRequest() implements CentralSystemRequest<GetLocalListVersionResponse> {

  @Override
  public Action action() {
    return Action.GET_LOCAL_LIST_VERSION;
  }
}
