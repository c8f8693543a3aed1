package dev.kilowatt.core;

import dev.kilowatt.core.message.DataTransferResponse;
import java.util.Optional;

/**
 * Answers DataTransfer.req calls of one vendor. Called on the event loop: answer quickly.
 */
@FunctionalInterface
public interface DataTransferHandler {

  /** The answer to one call; an unknown messageId should be answered with status UnknownMessageId. */
  DataTransferResponse handle(Optional<String> messageId, Optional<String> data);
}
