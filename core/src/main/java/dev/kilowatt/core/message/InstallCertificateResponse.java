package dev.kilowatt.core.message;

/**
 * The outcome of a root certificate installation.
 *
 * @param status whether the certificate was installed
 */
public record InstallCertificateResponse(CertificateStatus status) implements Response {

  /** Rejects a null {@code status}. */
  public InstallCertificateResponse {
    Fields.required(status, "status");
  }
}
