package dev.kilowatt.core.message;

/** Identifies an installed certificate by the hashes of its issuer and its serial number (security extension). */
public record CertificateHashData(
    HashAlgorithm hashAlgorithm,
    String issuerNameHash,
    String issuerKeyHash,
    String serialNumber) {

  public CertificateHashData {
    Fields.required(hashAlgorithm, "hashAlgorithm");
    Fields.required(issuerNameHash, "issuerNameHash");
    Fields.required(issuerKeyHash, "issuerKeyHash");
    Fields.required(serialNumber, "serialNumber");
  }
}
