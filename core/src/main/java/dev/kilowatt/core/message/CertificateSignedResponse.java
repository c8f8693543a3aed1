package dev.kilowatt.core.message;

/** Whether the charge point accepted and installed the signed certificate. */
public record CertificateSignedResponse(CertificateSignedStatus status) implements Response {

  public CertificateSignedResponse {
    Fields.required(status, "status");
  }
}
