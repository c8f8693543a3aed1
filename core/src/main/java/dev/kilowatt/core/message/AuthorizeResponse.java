package dev.kilowatt.core.message;

/**
 * The Central System's authorization verdict for an idTag.
 *
 * @param idTagInfo whether the identifier may charge, until when, and its group
 */
public record AuthorizeResponse(IdTagInfo idTagInfo) implements Response {

  /** Rejects a null {@code idTagInfo}. */
  public AuthorizeResponse {
    Fields.required(idTagInfo, "idTagInfo");
  }
}
