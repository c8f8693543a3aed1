package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The Central System asks the charge point to send a message now, including the security-extension ones.
 *
 * @param requestedMessage the message to send
 * @param connectorId the connector the message should be about; absent for the charge point as a whole or all
 *     connectors
 */
public record ExtendedTriggerMessageRequest(
    ExtendedMessageTrigger requestedMessage,
    Optional<Integer> connectorId)
    implements CentralSystemRequest<ExtendedTriggerMessageResponse> {

  /** Rejects a null {@code requestedMessage}; a null optional component reads as absent. */
  public ExtendedTriggerMessageRequest {
    Fields.required(requestedMessage, "requestedMessage");
    connectorId = Fields.opt(connectorId);
  }

  @Override
  public Action action() {
    return Action.EXTENDED_TRIGGER_MESSAGE;
  }
}
