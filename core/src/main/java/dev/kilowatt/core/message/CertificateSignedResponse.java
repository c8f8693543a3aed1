package dev.kilowatt.core.message;

/**
 * Whether the charge point accepted and installed the signed certificate.
 *
 * @param status whether the certificate was accepted and installed
 */
public record CertificateSignedResponse(CertificateSignedStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public CertificateSignedResponse {
    Fields.required(status, "status");
  }
}
