package dev.kilowatt.core.message;

import java.util.Optional;

/** The recipient's answer to a vendor-specific DataTransfer. */
public enum DataTransferStatus implements OcppEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  UNKNOWN_MESSAGE_ID("UnknownMessageId"),
  UNKNOWN_VENDOR_ID("UnknownVendorId");

  private final String ocppValue;

  DataTransferStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<DataTransferStatus> fromOcpp(String value) {
    return OcppEnum.lookup(DataTransferStatus.class, value);
  }
}
