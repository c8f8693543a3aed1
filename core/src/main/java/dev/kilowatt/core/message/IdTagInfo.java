package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/**
 * Authorization status of an idTag, with its optional expiry and parent (group) idTag.
 *
 * @param status whether the identifier may charge
 * @param expiryDate when the authorization expires; absent when no expiry is known
 * @param parentIdTag the group the identifier belongs to: one group member may stop another's transaction
 */
public record IdTagInfo(AuthorizationStatus status, Optional<Instant> expiryDate, Optional<String> parentIdTag) {

  /** Rejects a null {@code status}; a null optional component reads as absent. */
  public IdTagInfo {
    Fields.required(status, "status");
    expiryDate = Fields.opt(expiryDate);
    parentIdTag = Fields.opt(parentIdTag);
  }
}
