package dev.kilowatt.core.message;

/**
 * The Central System delivers the signed certificate chain answering the charge point's SignCertificate
 * (security extension).
 */
public record CertificateSignedRequest(
    String certificateChain)
    implements CentralSystemRequest<CertificateSignedResponse> {

  public CertificateSignedRequest {
    Fields.required(certificateChain, "certificateChain");
  }

  @Override
  public Action action() {
    return Action.CERTIFICATE_SIGNED;
  }
}
