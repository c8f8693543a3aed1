package dev.kilowatt.core.message;

import java.util.Optional;

/** Progress of a diagnostics upload, reported in DiagnosticsStatusNotification. */
public enum DiagnosticsStatus implements OcppEnum {
  IDLE("Idle"),
  UPLOADED("Uploaded"),
  UPLOAD_FAILED("UploadFailed"),
  UPLOADING("Uploading");

  private final String ocppValue;

  DiagnosticsStatus(String ocppValue) {
    this.ocppValue = ocppValue;
  }

  @Override
  public String ocppValue() {
    return ocppValue;
  }

  /** The constant whose wire value is exactly {@code value}, if any. */
  public static Optional<DiagnosticsStatus> fromOcpp(String value) {
    return OcppEnum.lookup(DiagnosticsStatus.class, value);
  }
}
