package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.UpdateStatus;
import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import dev.kilowatt.ocpp201.LocalAuthMessages.AuthorizationData;
import dev.kilowatt.ocpp201.LocalAuthMessages.ClearCacheRequest;
import dev.kilowatt.ocpp201.LocalAuthMessages.ClearCacheResponse;
import dev.kilowatt.ocpp201.LocalAuthMessages.ClearCacheStatus;
import dev.kilowatt.ocpp201.LocalAuthMessages.GetLocalListVersionRequest;
import dev.kilowatt.ocpp201.LocalAuthMessages.GetLocalListVersionResponse;
import dev.kilowatt.ocpp201.LocalAuthMessages.SendLocalListRequest;
import dev.kilowatt.ocpp201.LocalAuthMessages.SendLocalListResponse;
import dev.kilowatt.ocpp201.LocalAuthMessages.SendLocalListStatus;
import dev.kilowatt.ocpp201.LocalAuthMessages.UpdateType;
import dev.kilowatt.ocpp201.Types.IdToken;
import dev.kilowatt.ocpp201.Types.IdTokenInfo;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The CSMS's calls of the authorization data the station keeps (see {@link LocalAuthMessages}) as the core's
 * ClearCache, SendLocalList and GetLocalListVersion, whose cache and list are the ones 1.6 fills.
 *
 * <table>
 *   <caption>what each call of the CSMS becomes</caption>
 *   <tr><th>OCPP 2.0.1</th><th>core (1.6 shape)</th></tr>
 *   <tr><td>ClearCache</td><td>a GetConfiguration of AuthorizationCacheEnabled first: while the cache is disabled,
 *       Rejected without clearing it (C11.FR.04); else the core's ClearCache, Accepted or Rejected as it says
 *       (C11.FR.01, FR.02, FR.05)</td></tr>
 *   <tr><td>SendLocalList</td><td>SendLocalList of the same version and update type, each IdToken as the idTag
 *       its idToken spells and its IdTokenInfo as {@link Verdicts} reads one; refused Failed without the core where
 *       the core could not hold what the CSMS sent (below). The core's Accepted, Failed and VersionMismatch keep
 *       their names; its NotSupported, a list disabled by LocalAuthListEnabled, is Failed (2.0.1 has no
 *       NotSupported)</td></tr>
 *   <tr><td>GetLocalListVersion</td><td>GetLocalListVersion; the core's -1 of a disabled list is 0 (D02.FR.03)</td></tr>
 * </table>
 *
 * <p>An update is applied whole or not at all, by the core as by 2.0.1 (D01), so an entry the core cannot hold
 * fails the whole update, and the CSMS is told why rather than finding a list without a restriction it sent:
 * <ul>
 *   <li>a versionNumber of 0 or less (D01.FR.18: 0 means no list; EVerest's libocpp fails such an update before
 *       its version is compared, as done here);</li>
 *   <li>an idToken or a groupIdToken longer than the core's idTag, a 1.6 CiString20 (RequestStartTransaction
 *       refuses such a token too);</li>
 *   <li>an idTokenInfo whose evseId leaves out an EVSE of the station: the core's list has no EVSE restriction,
 *       and would let the token charge everywhere. One that names every EVSE the core reported restricts
 *       nothing and is taken.</li>
 * </ul>
 * The core compares idTags case-insensitively and without a type, as 2.0.1 compares idTokens case-insensitively:
 * an update listing one idToken under two types is a duplicate to it, Failed (D01.FR.06 asks idTokens be
 * unique). What the core's decision has no place for and that restricts nothing (chargingPriority, the
 * languages, the personal message, the IdToken's additionalInfo) is not kept.
 */
final class LocalAuthCalls {

  /** A 1.6 idTag's length (CiString20Type), which the core's list holds. */
  static final int ID_TAG_LENGTH = 20;
  /** The core's 1.6 key that turns the authorization cache on, AuthCacheCtrlr.Enabled ({@link LocalAuthVariables}). */
  private static final String CACHE_ENABLED = "AuthorizationCacheEnabled";

  private final Supplier<Set<Integer>> evses;

  /** {@code evses} gives the EVSEs whose status the core reported, which it does for each of its own. */
  LocalAuthCalls(Supplier<Set<Integer>> evses) {
    this.evses = evses;
  }

  /** The route for {@code request}, or empty for a call of another block. */
  Optional<Route> translate(Messages.Request<?> request) {
    return Optional.ofNullable(switch (request) {
      case ClearCacheRequest clear -> new Route.AfterAnswer(
          new GetConfigurationRequest(List.of(CACHE_ENABLED)),
          answer -> cacheEnabled((GetConfigurationResponse) answer) ? clearCache() : Exchange.local(
              new ClearCacheResponse(ClearCacheStatus.Rejected, Optional.of(new StatusInfo("Disabled",
                  Optional.of("AuthCacheCtrlr.Enabled is false"))))));
      case SendLocalListRequest send -> new Route.Now(sendLocalList(send));
      case GetLocalListVersionRequest version -> new Route.Now(Exchange.one(
          new dev.kilowatt.core.message.GetLocalListVersionRequest(),
          (dev.kilowatt.core.message.GetLocalListVersionResponse answer) ->
              new GetLocalListVersionResponse(Math.max(answer.listVersion(), 0))));
      default -> null;
    });
  }

  private static boolean cacheEnabled(GetConfigurationResponse answer) {
    return Variables.keyIn(answer, CACHE_ENABLED).flatMap(KeyValue::value)
        .filter("true"::equalsIgnoreCase).isPresent();
  }

  private static Exchange clearCache() {
    return Exchange.one(new dev.kilowatt.core.message.ClearCacheRequest(),
        (dev.kilowatt.core.message.ClearCacheResponse answer) -> new ClearCacheResponse(
            answer.status() == dev.kilowatt.core.message.ClearCacheStatus.ACCEPTED
                ? ClearCacheStatus.Accepted : ClearCacheStatus.Rejected, Optional.empty()));
  }

  private Exchange sendLocalList(SendLocalListRequest send) {
    Optional<StatusInfo> refusal = refusal(send);
    if (refusal.isPresent()) {
      return Exchange.local(new SendLocalListResponse(SendLocalListStatus.Failed, refusal));
    }
    List<dev.kilowatt.core.message.AuthorizationData> entries = send.localAuthorizationList().stream()
        .map(e -> new dev.kilowatt.core.message.AuthorizationData(e.idToken().idToken(), e.idTokenInfo().map(Verdicts::idTagInfo)))
        .toList();
    return Exchange.one(new dev.kilowatt.core.message.SendLocalListRequest(send.versionNumber(), entries,
            send.updateType() == UpdateType.Full
                ? dev.kilowatt.core.message.UpdateType.FULL : dev.kilowatt.core.message.UpdateType.DIFFERENTIAL),
        (dev.kilowatt.core.message.SendLocalListResponse answer) -> updated(answer.status()));
  }

  /** Why the core cannot take {@code send} as it is, if it cannot. */
  private Optional<StatusInfo> refusal(SendLocalListRequest send) {
    if (send.versionNumber() <= 0) {
      return failure("InvalidVersion", "versionNumber " + send.versionNumber() + ": 0 means no list (D01.FR.18)");
    }
    Set<Integer> all = evses.get();
    for (AuthorizationData entry : send.localAuthorizationList()) {
      Optional<String> tooLong = tokens(entry).filter(t -> t.length() > ID_TAG_LENGTH).findFirst();
      if (tooLong.isPresent()) {
        return failure("IdTokenTooLong", "token " + tooLong.get() + " is longer than " + ID_TAG_LENGTH);
      }
      List<Integer> allowed = entry.idTokenInfo().map(IdTokenInfo::evseId).orElse(List.of());
      if (!allowed.isEmpty() && !allowed.containsAll(all)) {
        return failure("EvseRestriction", "idToken " + entry.idToken().idToken() + " is for EVSEs " + allowed
            + " only; the station's list cannot restrict a token to some of its EVSEs " + all);
      }
    }
    return Optional.empty();
  }

  /** The idToken of an entry and the group's, which the core keeps as an idTag each. */
  private static Stream<String> tokens(AuthorizationData entry) {
    return Stream.concat(Stream.of(entry.idToken().idToken()),
        entry.idTokenInfo().flatMap(IdTokenInfo::groupIdToken).map(IdToken::idToken).stream());
  }

  private static Optional<StatusInfo> failure(String reasonCode, String additionalInfo) {
    return Optional.of(new StatusInfo(reasonCode, Optional.of(additionalInfo)));
  }

  private static SendLocalListResponse updated(UpdateStatus status) {
    return switch (status) {
      case ACCEPTED -> new SendLocalListResponse(SendLocalListStatus.Accepted, Optional.empty());
      case FAILED -> new SendLocalListResponse(SendLocalListStatus.Failed, Optional.empty());
      case VERSION_MISMATCH -> new SendLocalListResponse(SendLocalListStatus.VersionMismatch, Optional.empty());
      case NOT_SUPPORTED -> new SendLocalListResponse(SendLocalListStatus.Failed,
          failure("Disabled", "LocalAuthListCtrlr.Enabled is false"));
    };
  }
}
