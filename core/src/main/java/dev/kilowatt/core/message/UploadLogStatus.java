package dev.kilowatt.core.message;

import java.util.Optional;

/** Progress of a GetLog upload, reported in LogStatusNotification (security extension UploadLogStatusEnumType). */
public enum UploadLogStatus implements OcppEnum {
  /** The server sent something the charge point could not parse, or the protocols do not fit. */
  BAD_MESSAGE("BadMessage"),
  /** No log upload is going on; only sent when a trigger asks. */
  IDLE("Idle"),
  /** The server does not support the operation the upload needs. */
  NOT_SUPPORTED_OPERATION("NotSupportedOperation"),
  /** The server refused the charge point's credentials. */
  PERMISSION_DENIED("PermissionDenied"),
  /** The log reached the server. */
  UPLOADED("Uploaded"),
  /** The upload failed. */
  UPLOAD_FAILURE("UploadFailure"),
  /** The log is being uploaded. */
  UPLOADING("Uploading");

  private final String ocppValue;

  UploadLogStatus(String ocppValue) {
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
  public static Optional<UploadLogStatus> fromOcpp(String value) {
    return OcppEnum.lookup(UploadLogStatus.class, value);
  }
}
