package dev.kilowatt.core.message;

import java.util.List;

/**
 * Hash identifiers of the installed root certificates of the requested use.
 *
 * @param status whether any certificate of that use is installed
 * @param certificateHashData the installed certificates, each identified by its hashes; empty when none
 */
public record GetInstalledCertificateIdsResponse(
    GetInstalledCertificateStatus status,
    List<CertificateHashData> certificateHashData)
    implements Response {

  /** Rejects a null {@code status}; a null list reads as empty, and a list is copied so the record stays immutable. */
  public GetInstalledCertificateIdsResponse {
    Fields.required(status, "status");
    certificateHashData = Fields.list(certificateHashData);
  }
}
