package dev.kilowatt.core.message;

import java.util.Optional;

/** Whether the log will be uploaded, and the name of the file. */
public record GetLogResponse(LogStatus status, Optional<String> filename) implements Response {

  public GetLogResponse {
    Fields.required(status, "status");
    filename = Fields.opt(filename);
  }
}
