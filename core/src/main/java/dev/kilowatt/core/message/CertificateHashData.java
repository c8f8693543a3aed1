package dev.kilowatt.core.message;

/**
 * Identifies an installed certificate by the hashes of its issuer and its serial number (security extension).
 *
 * @param hashAlgorithm the algorithm the two hashes were computed with
 * @param issuerNameHash the hash of the issuer's distinguished name
 * @param issuerKeyHash the hash of the issuer's public key
 * @param serialNumber the certificate's serial number
 */
public record CertificateHashData(
    HashAlgorithm hashAlgorithm,
    String issuerNameHash,
    String issuerKeyHash,
    String serialNumber) {

  /** Rejects a null {@code hashAlgorithm}, {@code issuerNameHash}, {@code issuerKeyHash} or {@code serialNumber}. */
  public CertificateHashData {
    Fields.required(hashAlgorithm, "hashAlgorithm");
    Fields.required(issuerNameHash, "issuerNameHash");
    Fields.required(issuerKeyHash, "issuerKeyHash");
    Fields.required(serialNumber, "serialNumber");
  }
}
