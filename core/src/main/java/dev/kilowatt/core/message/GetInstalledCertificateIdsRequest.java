package dev.kilowatt.core.message;

/**
 * The Central System asks which root certificates of a given use are installed (security extension).
 *
 * @param certificateType which kind of root certificate to list
 */
public record GetInstalledCertificateIdsRequest(
    CertificateUse certificateType)
    implements CentralSystemRequest<GetInstalledCertificateIdsResponse> {

  /** Rejects a null {@code certificateType}. */
  public GetInstalledCertificateIdsRequest {
    Fields.required(certificateType, "certificateType");
  }

  @Override
  public Action action() {
    return Action.GET_INSTALLED_CERTIFICATE_IDS;
  }
}
