package dev.kilowatt.core.message;

import java.util.Optional;

/** The name of the diagnostics file that will be uploaded, absent when there is nothing to upload. */
public record GetDiagnosticsResponse(Optional<String> fileName) implements Response {

  public GetDiagnosticsResponse {
    fileName = Fields.opt(fileName);
  }
}
