package dev.kilowatt.core.message;

import java.util.Optional;

/** The Central System asks the charge point to send one of its messages now. */
public record TriggerMessageRequest(
    MessageTrigger requestedMessage,
    Optional<Integer> connectorId)
    implements CentralSystemRequest<TriggerMessageResponse> {

  public TriggerMessageRequest {
    Fields.required(requestedMessage, "requestedMessage");
    connectorId = Fields.opt(connectorId);
  }

  @Override
  public Action action() {
    return Action.TRIGGER_MESSAGE;
  }
}
