package dev.kilowatt.core.message;

import java.util.Optional;

/** The recipient's answer to a vendor-specific data transfer. */
public record DataTransferResponse(DataTransferStatus status, Optional<String> data) implements Response {

  public DataTransferResponse {
    Fields.required(status, "status");
    data = Fields.opt(data);
  }
}
