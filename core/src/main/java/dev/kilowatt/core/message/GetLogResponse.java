package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * Whether the log will be uploaded, and the name of the file.
 *
 * @param status whether the log will be uploaded
 * @param filename the name of the log file that will be uploaded; absent when there is no log to upload
 */
public record GetLogResponse(LogStatus status, Optional<String> filename) implements Response {

  /** Rejects a null {@code status}; a null optional component reads as absent. */
  public GetLogResponse {
    Fields.required(status, "status");
    filename = Fields.opt(filename);
  }
}
