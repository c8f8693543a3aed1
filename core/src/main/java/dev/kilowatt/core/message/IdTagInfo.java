package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/** Authorization status of an idTag, with its optional expiry and parent (group) idTag. */
public record IdTagInfo(AuthorizationStatus status, Optional<Instant> expiryDate, Optional<String> parentIdTag) {

  public IdTagInfo {
    Fields.required(status, "status");
    expiryDate = Fields.opt(expiryDate);
    parentIdTag = Fields.opt(parentIdTag);
  }
}
