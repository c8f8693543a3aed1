package dev.kilowatt.core.message;

/**
 * The charge point sends a certificate signing request for its client certificate (security extension).
 *
 * @param csr the PKCS#10 certificate signing request, PEM encoded, for the key pair the charge point generated
 */
public record SignCertificateRequest(String csr) implements ChargePointRequest<SignCertificateResponse> {

  /** Rejects a null {@code csr}. */
  public SignCertificateRequest {
    Fields.required(csr, "csr");
  }

  @Override
  public Action action() {
    return Action.SIGN_CERTIFICATE;
  }
}
