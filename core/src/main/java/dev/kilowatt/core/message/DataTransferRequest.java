package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * A vendor-specific message that either side may send outside the standard vocabulary.
 *
 * @param vendorId the vendor whose extension this is, e.g. a reversed DNS name
 * @param messageId which of the vendor's messages this is
 * @param data the vendor-specific payload, as text
 */
public record DataTransferRequest(
    String vendorId,
    Optional<String> messageId,
    Optional<String> data)
    implements ChargePointRequest<DataTransferResponse>, CentralSystemRequest<DataTransferResponse> {

  /** Rejects a null {@code vendorId}; a null optional component reads as absent. */
  public DataTransferRequest {
    Fields.required(vendorId, "vendorId");
    messageId = Fields.opt(messageId);
    data = Fields.opt(data);
  }

  @Override
  public Action action() {
    return Action.DATA_TRANSFER;
  }
}
