package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * One entry of a SendLocalList; without idTagInfo a differential update removes the idTag.
 *
 * @param idTag the identifier the entry is for
 * @param idTagInfo its authorization; absent in a differential update removes the identifier from the list
 */
public record AuthorizationData(String idTag, Optional<IdTagInfo> idTagInfo) {

  /** Rejects a null {@code idTag}; a null optional component reads as absent. */
  public AuthorizationData {
    Fields.required(idTag, "idTag");
    idTagInfo = Fields.opt(idTagInfo);
  }
}
