package dev.kilowatt.core.message;

/**
 * The outcome of a certificate deletion.
 *
 * @param status whether the certificate was deleted
 */
public record DeleteCertificateResponse(DeleteCertificateStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public DeleteCertificateResponse {
    Fields.required(status, "status");
  }
}
