package dev.kilowatt.core.message;

import java.util.List;

/** Hash identifiers of the installed root certificates of the requested use. */
public record GetInstalledCertificateIdsResponse(
    GetInstalledCertificateStatus status,
    List<CertificateHashData> certificateHashData)
    implements Response {

  public GetInstalledCertificateIdsResponse {
    Fields.required(status, "status");
    certificateHashData = Fields.list(certificateHashData);
  }
}
