package dev.kilowatt.core;

import dev.kilowatt.core.message.DataTransferResponse;
import java.util.Optional;

/**
 * Answers DataTransfer.req calls of one vendor. Called on the event loop: answer quickly.
 */
@FunctionalInterface
public interface DataTransferHandler {

  /**
   * The answer to one call; an unknown messageId should be answered with status UnknownMessageId.
   *
   * @param messageId the call's messageId; empty when the central system sent none
   * @param data the call's data, as the vendor defines it; empty when none was sent
   * @return the DataTransfer.conf: a status and, if the vendor defines it, data
   */
  DataTransferResponse handle(Optional<String> messageId, Optional<String> data);
}
