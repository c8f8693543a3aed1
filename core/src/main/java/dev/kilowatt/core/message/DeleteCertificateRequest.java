package dev.kilowatt.core.message;

/**
 * The Central System asks the charge point to delete an installed root certificate (security extension).
 *
 * @param certificateHashData the certificate to delete, identified by its hashes
 */
public record DeleteCertificateRequest(
    CertificateHashData certificateHashData)
    implements CentralSystemRequest<DeleteCertificateResponse> {

  /** Rejects a null {@code certificateHashData}. */
  public DeleteCertificateRequest {
    Fields.required(certificateHashData, "certificateHashData");
  }

  @Override
  public Action action() {
    return Action.DELETE_CERTIFICATE;
  }
}
