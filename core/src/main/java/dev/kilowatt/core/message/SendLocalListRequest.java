package dev.kilowatt.core.message;

import java.util.List;

/** The Central System replaces or patches the charge point's local authorization list. */
public record SendLocalListRequest(
    int listVersion,
    List<AuthorizationData> localAuthorizationList,
    UpdateType updateType)
    implements CentralSystemRequest<SendLocalListResponse> {

  public SendLocalListRequest {
    localAuthorizationList = Fields.list(localAuthorizationList);
    Fields.required(updateType, "updateType");
  }

  @Override
  public Action action() {
    return Action.SEND_LOCAL_LIST;
  }
}
