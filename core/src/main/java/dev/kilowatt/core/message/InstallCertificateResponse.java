package dev.kilowatt.core.message;

/** The outcome of a root certificate installation. */
public record InstallCertificateResponse(CertificateStatus status) implements Response {

  public InstallCertificateResponse {
    Fields.required(status, "status");
  }
}
