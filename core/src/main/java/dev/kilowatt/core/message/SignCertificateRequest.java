package dev.kilowatt.core.message;

/** The charge point sends a certificate signing request for its client certificate (security extension). */
public record SignCertificateRequest(String csr) implements ChargePointRequest<SignCertificateResponse> {

  public SignCertificateRequest {
    Fields.required(csr, "csr");
  }

  @Override
  public Action action() {
    return Action.SIGN_CERTIFICATE;
  }
}
