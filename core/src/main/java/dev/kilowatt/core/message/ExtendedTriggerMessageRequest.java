package dev.kilowatt.core.message;

import java.util.Optional;

/** The Central System asks the charge point to send a message now, including the security-extension ones. */
public record ExtendedTriggerMessageRequest(
    ExtendedMessageTrigger requestedMessage,
    Optional<Integer> connectorId)
    implements CentralSystemRequest<ExtendedTriggerMessageResponse> {

  public ExtendedTriggerMessageRequest {
    Fields.required(requestedMessage, "requestedMessage");
    connectorId = Fields.opt(connectorId);
  }

  @Override
  public Action action() {
    return Action.EXTENDED_TRIGGER_MESSAGE;
  }
}
