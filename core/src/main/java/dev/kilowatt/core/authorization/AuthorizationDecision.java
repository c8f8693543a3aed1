package dev.kilowatt.core.authorization;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about whether an idTag may charge, from the central system, the local list or the cache, in
 * the charge point's own terms: each protocol adapter maps its own message (OCPP 1.6 IdTagInfo, 2.0.1
 * IdTokenInfo) to it at its edge.
 *
 * <p>The components are named as those of 1.6's IdTagInfo, and the statuses as its constants, so the cache,
 * the local list and the ledger's start answers saved by an older version read unchanged.
 *
 * @param status the verdict
 * @param expiryDate when an accepted idTag stops being valid, if it does
 * @param parentIdTag the group the idTag belongs to, which may stop or share a transaction of another member
 */
public record AuthorizationDecision(Status status, Optional<Instant> expiryDate, Optional<String> parentIdTag) {

  /** The verdict about an idTag. */
  public enum Status {
    /** It may charge. */
    ACCEPTED,
    /** The central system blocked it. */
    BLOCKED,
    /** It was valid until its expiry date. */
    EXPIRED,
    /** Unknown or refused. */
    INVALID,
    /** Valid, but already charging elsewhere and not allowed to charge twice at once. */
    CONCURRENT_TX
  }

  /** Requires the status; absent optionals may be given as null. */
  public AuthorizationDecision {
    Objects.requireNonNull(status, "status");
    expiryDate = expiryDate == null ? Optional.empty() : expiryDate;
    parentIdTag = parentIdTag == null ? Optional.empty() : parentIdTag;
  }

  /**
   * A verdict with neither expiry nor group.
   *
   * @param status the verdict
   * @return the decision, with no expiry date and no parentIdTag
   */
  public static AuthorizationDecision of(Status status) {
    return new AuthorizationDecision(status, Optional.empty(), Optional.empty());
  }

  /** {@return whether the idTag may charge: Accepted, whatever the expiry date} */
  public boolean accepted() {
    return status == Status.ACCEPTED;
  }
}
