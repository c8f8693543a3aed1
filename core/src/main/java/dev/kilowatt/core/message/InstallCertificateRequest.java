package dev.kilowatt.core.message;

/**
 * The Central System installs a new root certificate on the charge point (security extension).
 *
 * @param certificateType what the root certificate will be trusted for
 * @param certificate the X.509 certificate, PEM encoded
 */
public record InstallCertificateRequest(
    CertificateUse certificateType,
    String certificate)
    implements CentralSystemRequest<InstallCertificateResponse> {

  /** Rejects a null {@code certificateType} or {@code certificate}. */
  public InstallCertificateRequest {
    Fields.required(certificateType, "certificateType");
    Fields.required(certificate, "certificate");
  }

  @Override
  public Action action() {
    return Action.INSTALL_CERTIFICATE;
  }
}
