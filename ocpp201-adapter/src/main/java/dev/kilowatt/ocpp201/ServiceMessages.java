package dev.kilowatt.ocpp201;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.ocpp201.Enums.DataTransferStatus;
import dev.kilowatt.ocpp201.Enums.UnlockStatus;
import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * The Core profile's messages of the second slice, kept apart from {@link Messages} by theme: the
 * services around charging rather than charging itself. F05's UnlockConnector, P01/P02's DataTransfer,
 * E14's GetTransactionStatus and A04's SecurityEventNotification, requests and responses named as part 2
 * chapter 1 names them; {@link Action} ties each to its wire name and direction.
 */
public final class ServiceMessages {

  private ServiceMessages() {
  }

  /**
   * F05: the CSMS asks the station to open the cable retention lock of a connector.
   *
   * @param evseId the EVSE the connector belongs to
   * @param connectorId the connector on that EVSE
   */
  public record UnlockConnectorRequest(int evseId, int connectorId) implements Request<UnlockConnectorResponse> {
  }

  /**
   * F05: whether the lock opened.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record UnlockConnectorResponse(UnlockStatus status, Optional<StatusInfo> statusInfo) implements Response {
  }

  /**
   * P01, P02: a vendor's own message, sent by either side. Unlike 1.6 the data may be any JSON value.
   *
   * @param messageId which of the vendor's messages this is
   * @param data the vendor's payload, any JSON value
   * @param vendorId the vendor whose extension this is, e.g. a reversed DNS name
   */
  public record DataTransferRequest(Optional<String> messageId, Optional<JsonNode> data, String vendorId)
      implements Request<DataTransferResponse> {
  }

  /**
   * P01, P02: the recipient's answer to a vendor's message.
   *
   * @param status whether the recipient understood and took the data
   * @param statusInfo more about the status
   * @param data the answer's payload, any JSON value
   */
  public record DataTransferResponse(DataTransferStatus status, Optional<StatusInfo> statusInfo, Optional<JsonNode> data)
      implements Response {
  }

  /**
   * E14: the CSMS asks whether a transaction still runs and whether messages of it, or of any transaction,
   * still wait to be delivered.
   *
   * @param transactionId the station's id of the transaction asked about; absent asks about all of them
   */
  public record GetTransactionStatusRequest(Optional<String> transactionId)
      implements Request<GetTransactionStatusResponse> {
  }

  /**
   * E14: the state of the transaction asked about.
   *
   * @param ongoingIndicator whether it still runs; absent when no transaction was named
   * @param messagesInQueue whether transaction messages still wait to be delivered
   */
  public record GetTransactionStatusResponse(Optional<Boolean> ongoingIndicator, boolean messagesInQueue)
      implements Response {
  }

  /**
   * A04: the station reports a security event (part 2 appendix, the security events list).
   *
   * @param type the event's name, e.g. {@code FirmwareUpdated}
   * @param timestamp when it happened
   * @param techInfo technical detail, at most 255 characters
   */
  public record SecurityEventNotificationRequest(String type, Instant timestamp, Optional<String> techInfo)
      implements Request<SecurityEventNotificationResponse> {
  }

  /** A04: the CSMS's acknowledgement, which carries nothing. */
  public record SecurityEventNotificationResponse() implements Response {
  }
}
