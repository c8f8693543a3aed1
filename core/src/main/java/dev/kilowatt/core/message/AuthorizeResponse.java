package dev.kilowatt.core.message;

/** The Central System's authorization verdict for an idTag. */
public record AuthorizeResponse(IdTagInfo idTagInfo) implements Response {

  public AuthorizeResponse {
    Fields.required(idTagInfo, "idTagInfo");
  }
}
