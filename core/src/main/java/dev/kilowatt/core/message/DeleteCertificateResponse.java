package dev.kilowatt.core.message;

/** The outcome of a certificate deletion. */
public record DeleteCertificateResponse(DeleteCertificateStatus status) implements Response {

  public DeleteCertificateResponse {
    Fields.required(status, "status");
  }
}
