package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The recipient's answer to a vendor-specific data transfer.
 *
 * @param status whether the recipient understood and took the data
 * @param data the answer's vendor-specific text, if any
 */
public record DataTransferResponse(DataTransferStatus status, Optional<String> data) implements Response {

  /** Rejects a null {@code status}; a null optional component reads as absent. */
  public DataTransferResponse {
    Fields.required(status, "status");
    data = Fields.opt(data);
  }
}
