package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The Central System asks the charge point to send one of its messages now.
 *
 * @param requestedMessage the message to send
 * @param connectorId the connector the message should be about; absent for the charge point as a whole or all
 *     connectors
 */
public record TriggerMessageRequest(
    MessageTrigger requestedMessage,
    Optional<Integer> connectorId)
    implements CentralSystemRequest<TriggerMessageResponse> {

  /** Rejects a null {@code requestedMessage}; a null optional component reads as absent. */
  public TriggerMessageRequest {
    Fields.required(requestedMessage, "requestedMessage");
    connectorId = Fields.opt(connectorId);
  }

  @Override
  public Action action() {
    return Action.TRIGGER_MESSAGE;
  }
}
