package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The name of the diagnostics file that will be uploaded, absent when there is nothing to upload.
 *
 * @param fileName the name of the file that will be uploaded; absent when there is nothing to upload
 */
public record GetDiagnosticsResponse(Optional<String> fileName) implements Response {

  /** A null optional component reads as absent. */
  public GetDiagnosticsResponse {
    fileName = Fields.opt(fileName);
  }
}
