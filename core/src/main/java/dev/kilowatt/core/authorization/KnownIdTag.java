package dev.kilowatt.core.authorization;

import java.util.Objects;

/**
 * An idTag with what is known about it, as the authorization cache and the local list keep it.
 *
 * @param idTag the idTag as the central system spelled it
 * @param idTagInfo what is known about it; named as the component of 1.6's AuthorizationData, so the cache
 *     and the list an older version saved read unchanged
 */
public record KnownIdTag(String idTag, AuthorizationDecision idTagInfo) {

  /** Requires both. */
  public KnownIdTag {
    Objects.requireNonNull(idTag, "idTag");
    Objects.requireNonNull(idTagInfo, "idTagInfo");
  }
}
