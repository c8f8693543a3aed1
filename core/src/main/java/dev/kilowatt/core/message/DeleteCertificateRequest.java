package dev.kilowatt.core.message;

/** The Central System asks the charge point to delete an installed root certificate (security extension). */
public record DeleteCertificateRequest(
    CertificateHashData certificateHashData)
    implements CentralSystemRequest<DeleteCertificateResponse> {

  public DeleteCertificateRequest {
    Fields.required(certificateHashData, "certificateHashData");
  }

  @Override
  public Action action() {
    return Action.DELETE_CERTIFICATE;
  }
}
