package dev.kilowatt.core.message;

/**
 * The Central System delivers the signed certificate chain answering the charge point's SignCertificate
 * (security extension).
 *
 * @param certificateChain the signed charge point certificate followed by any intermediate certificates, PEM encoded
 */
public record CertificateSignedRequest(
    String certificateChain)
    implements CentralSystemRequest<CertificateSignedResponse> {

  /** Rejects a null {@code certificateChain}. */
  public CertificateSignedRequest {
    Fields.required(certificateChain, "certificateChain");
  }

  @Override
  public Action action() {
    return Action.CERTIFICATE_SIGNED;
  }
}
