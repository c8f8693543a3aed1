package dev.kilowatt.core.message;

/** The Central System installs a new root certificate on the charge point (security extension). */
public record InstallCertificateRequest(
    CertificateUse certificateType,
    String certificate)
    implements CentralSystemRequest<InstallCertificateResponse> {

  public InstallCertificateRequest {
    Fields.required(certificateType, "certificateType");
    Fields.required(certificate, "certificate");
  }

  @Override
  public Action action() {
    return Action.INSTALL_CERTIFICATE;
  }
}
