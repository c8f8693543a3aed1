package dev.kilowatt.core.message;

import java.util.List;

/**
 * The Central System replaces or patches the charge point's local authorization list.
 *
 * @param listVersion the version of the list after the update; the charge point reports it in GetLocalListVersion
 * @param localAuthorizationList the entries to set, or for a differential update to add, change or remove
 * @param updateType whether the entries replace the whole list or patch it
 */
public record SendLocalListRequest(
    int listVersion,
    List<AuthorizationData> localAuthorizationList,
    UpdateType updateType)
    implements CentralSystemRequest<SendLocalListResponse> {

  /**
   * Rejects a null {@code updateType}; a null list reads as empty, and a list is copied so the record stays immutable.
   */
  public SendLocalListRequest {
    localAuthorizationList = Fields.list(localAuthorizationList);
    Fields.required(updateType, "updateType");
  }

  @Override
  public Action action() {
    return Action.SEND_LOCAL_LIST;
  }
}
