package dev.kilowatt.core.message;

import java.util.Optional;

/** One entry of a SendLocalList; without idTagInfo a differential update removes the idTag. */
public record AuthorizationData(String idTag, Optional<IdTagInfo> idTagInfo) {

  public AuthorizationData {
    Fields.required(idTag, "idTag");
    idTagInfo = Fields.opt(idTagInfo);
  }
}
