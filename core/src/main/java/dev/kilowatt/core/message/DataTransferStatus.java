package dev.kilowatt.core.message;

import java.util.Optional;

/** The recipient's answer to a vendor-specific DataTransfer. */
public enum DataTransferStatus implements OcppEnum {
  /** The data was understood and handled. */
  ACCEPTED("Accepted"),
  /** The data was understood but refused. */
  REJECTED("Rejected"),
  /** The vendor is known, the message id is not. */
  UNKNOWN_MESSAGE_ID("UnknownMessageId"),
  /** The recipient has no extension of this vendor. */
  UNKNOWN_VENDOR_ID("UnknownVendorId");

  private final String ocppValue;

  DataTransferStatus(String ocppValue) {
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
  public static Optional<DataTransferStatus> fromOcpp(String value) {
    return OcppEnum.lookup(DataTransferStatus.class, value);
  }
}
