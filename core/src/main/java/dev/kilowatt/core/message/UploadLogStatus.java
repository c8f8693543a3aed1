package dev.kilowatt.core.message;

import java.util.Optional;

/** Progress of a GetLog upload, reported in LogStatusNotification (security extension UploadLogStatusEnumType). */
public enum UploadLogStatus implements OcppEnum {
  BAD_MESSAGE("BadMessage"),
  IDLE("Idle"),
  NOT_SUPPORTED_OPERATION("NotSupportedOperation"),
  PERMISSION_DENIED("PermissionDenied"),
  UPLOADED("Uploaded"),
  UPLOAD_FAILURE("UploadFailure"),
  UPLOADING("Uploading");

  private final String ocppValue;

  UploadLogStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<UploadLogStatus> fromOcpp(String value) {
    return OcppEnum.lookup(UploadLogStatus.class, value);
  }
}
