package dev.kilowatt.core.message;

/**
 * Whether the Central System will forward the signing request; the certificate itself follows in CertificateSigned.
 *
 * @param status whether the Central System will have the request signed
 */
public record SignCertificateResponse(GenericStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public SignCertificateResponse {
    Fields.required(status, "status");
  }
}
