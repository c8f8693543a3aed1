package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import dev.kilowatt.ocpp201.Types.IdToken;
import dev.kilowatt.ocpp201.Types.IdTokenInfo;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.util.List;
import java.util.Optional;

/**
 * The authorization data the CSMS keeps on the station: C11's ClearCache of the authorization cache, and block
 * D's SendLocalList and GetLocalListVersion of the local authorization list, requests and responses named as
 * part 2 chapter 1 names them, with the enumerations only they use. {@link Action} ties each to its wire name
 * and direction; {@link LocalAuthCalls} says what each becomes in the core.
 */
public final class LocalAuthMessages {

  private LocalAuthMessages() {
  }

  /** Whether the authorization cache was cleared. ({@code ClearCacheStatusEnumType}) */
  public enum ClearCacheStatus {
    /** The cache is empty now. */
    Accepted,
    /** The cache was not cleared: it is disabled, or clearing it failed. */
    Rejected
  }

  /** How a SendLocalList changes the list. ({@code UpdateEnumType}) */
  public enum UpdateType {
    /** The entries add to, change or (without idTokenInfo) remove from the list in force. */
    Differential,
    /** The entries are the whole new list. */
    Full
  }

  /** Whether the station took a SendLocalList. ({@code SendLocalListStatusEnumType}) */
  public enum SendLocalListStatus {
    /** The list is updated and has the request's version. */
    Accepted,
    /** The list is as it was: the update could not be applied. */
    Failed,
    /** A differential update to a version no newer than the list's; the CSMS should send a full one. */
    VersionMismatch
  }

  /** C11: the CSMS asks the station to empty its authorization cache. */
  public record ClearCacheRequest() implements Request<ClearCacheResponse> {
  }

  /**
   * C11: whether the cache was emptied.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record ClearCacheResponse(ClearCacheStatus status, Optional<StatusInfo> statusInfo) implements Response {
  }

  /**
   * One entry of a SendLocalList.
   *
   * @param idToken the token the entry is about
   * @param idTokenInfo what the CSMS says of it; absent in a differential update removes the token from the list
   */
  public record AuthorizationData(IdToken idToken, Optional<IdTokenInfo> idTokenInfo) {
  }

  /**
   * D01: the CSMS replaces or patches the station's local authorization list.
   *
   * @param versionNumber the list's version once updated, greater than 0 (D01.FR.18)
   * @param updateType whether the entries are the whole list or a patch of it
   * @param localAuthorizationList the entries; empty when absent
   */
  public record SendLocalListRequest(int versionNumber, UpdateType updateType,
      List<AuthorizationData> localAuthorizationList) implements Request<SendLocalListResponse> {
    /** A null list of entries reads as empty; the list is copied, so the request stays as built. */
    public SendLocalListRequest {
      localAuthorizationList = List.copyOf(localAuthorizationList == null ? List.of() : localAuthorizationList);
    }
  }

  /**
   * D01: whether the update was applied.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record SendLocalListResponse(SendLocalListStatus status, Optional<StatusInfo> statusInfo) implements Response {
  }

  /** D02: the CSMS asks which version of the local authorization list the station holds. */
  public record GetLocalListVersionRequest() implements Request<GetLocalListVersionResponse> {
  }

  /**
   * D02: the version of the list.
   *
   * @param versionNumber the list's version; 0 for no list (none sent, or the list disabled)
   */
  public record GetLocalListVersionResponse(int versionNumber) implements Response {
  }
}
