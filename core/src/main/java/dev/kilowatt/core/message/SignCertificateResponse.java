package dev.kilowatt.core.message;

/** Whether the Central System will forward the signing request; the certificate itself follows in CertificateSigned. */
public record SignCertificateResponse(GenericStatus status) implements Response {

  public SignCertificateResponse {
    Fields.required(status, "status");
  }
}
