package dev.kilowatt.core.message;

import java.util.Optional;

/** Progress of a diagnostics upload, reported in DiagnosticsStatusNotification. */
public enum DiagnosticsStatus implements OcppEnum {
  /** No upload is going on; only sent when a TriggerMessage asks. */
  IDLE("Idle"),
  /** The diagnostics file reached the URL. */
  UPLOADED("Uploaded"),
  /** The upload failed and will not be retried. */
  UPLOAD_FAILED("UploadFailed"),
  /** The file is being uploaded. */
  UPLOADING("Uploading");

  private final String ocppValue;

  DiagnosticsStatus(String ocppValue) {
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
  public static Optional<DiagnosticsStatus> fromOcpp(String value) {
    return OcppEnum.lookup(DiagnosticsStatus.class, value);
  }
}
