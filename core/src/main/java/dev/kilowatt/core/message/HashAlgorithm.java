package dev.kilowatt.core.message;

import java.util.Optional;

/** Hash algorithm used in CertificateHashData (security extension HashAlgorithmEnumType). */
public enum HashAlgorithm implements OcppEnum {
  /** SHA-256. */
  SHA256("SHA256"),
  /** SHA-384. */
  SHA384("SHA384"),
  /** SHA-512. */
  SHA512("SHA512");

  private final String ocppValue;

  HashAlgorithm(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /**
   * The constant whose wire value is exactly {@code value}, if any.
   *
   * @param value the string as written in OCPP JSON; the match is case-sensitive
   * @return the constant, or empty when the string is none of this enumeration's values
   */
  public static Optional<HashAlgorithm> fromOcpp(String value) {
    return OcppEnum.lookup(HashAlgorithm.class, value);
  }
}
