package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.ocpp201.Types.IdToken;
import dev.kilowatt.ocpp201.Types.IdTokenInfo;

/**
 * The CSMS's 2.0.1 verdict on an IdToken as the core's 1.6 IdTagInfo. The five statuses 1.6 has keep
 * their names; the ones 2.0.1 added (NoCredit, NotAllowedTypeEVSE, NotAtThisLocation, NotAtThisTime,
 * Unknown) all mean "may not charge here now", which 1.6 says as Invalid. The cache expiry becomes the
 * expiry date, the group IdToken the parent idTag.
 */
final class Verdicts {

  private Verdicts() {
  }

  static IdTagInfo idTagInfo(IdTokenInfo info) {
    AuthorizationStatus status = switch (info.status()) {
      case Accepted -> AuthorizationStatus.ACCEPTED;
      case Blocked -> AuthorizationStatus.BLOCKED;
      case ConcurrentTx -> AuthorizationStatus.CONCURRENT_TX;
      case Expired -> AuthorizationStatus.EXPIRED;
      case Invalid, NoCredit, NotAllowedTypeEVSE, NotAtThisLocation, NotAtThisTime, Unknown ->
          AuthorizationStatus.INVALID;
    };
    return new IdTagInfo(status, info.cacheExpiryDateTime(), info.groupIdToken().map(IdToken::idToken));
  }
}
