package dev.kilowatt.core.message;

/**
 * The Central System asks the charge point to unlock the cable of a connector.
 *
 * @param connectorId the connector to unlock, from 1
 */
public record UnlockConnectorRequest(int connectorId) implements CentralSystemRequest<UnlockConnectorResponse> {

  @Override
  public Action action() {
    return Action.UNLOCK_CONNECTOR;
  }
}
