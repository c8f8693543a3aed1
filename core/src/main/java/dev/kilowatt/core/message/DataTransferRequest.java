package dev.kilowatt.core.message;

import java.util.Optional;

/** A vendor-specific message that either side may send outside the standard vocabulary. */
public record DataTransferRequest(
    String vendorId,
    Optional<String> messageId,
    Optional<String> data)
    implements ChargePointRequest<DataTransferResponse>, CentralSystemRequest<DataTransferResponse> {

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
