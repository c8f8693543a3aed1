package dev.kilowatt.core;

/**
 * What an embedder (a display, a log, a test) may want to hear from the charge point. Called on the
 * event loop: return quickly.
 */
public interface ChargePointListener {

  /**
   * A connector's state or fault changed (connector 0 is the charge point as a whole). {@link Ocpp16Mapping} gives
   * the status and errorCode that OCPP 1.6 StatusNotification reports them with.
   *
   * @param connectorId the connector, 0 for the charge point
   * @param state what it is doing now
   * @param fault what is wrong with it; {@link ConnectorFault#NONE} when nothing is
   */
  default void onStatusChanged(int connectorId, ConnectorState state, ConnectorFault fault) {}

  /**
   * The current offered to the EV on a connector changed.
   *
   * @param connectorId the connector, from 1
   * @param amperes per phase, 0 when nothing is offered
   * @param explanation why this much: the profile period, the share of the grid limit, the hardware rating... e.g.
   *     "8.0 A: share of 16.0 A among 2 connectors (charge point maximum profile 7 on connector 0, ...)"
   */
  default void onOfferChanged(int connectorId, double amperes, String explanation) {}

  /**
   * A card was read and the charge point decided about it.
   *
   * @param idTag the card's idTag
   * @param accepted whether it may start or stop charging
   */
  default void onCardDecision(String idTag, boolean accepted) {}

  /** The charge point is about to reboot; the domain must not be used after this. */
  default void onRebooting() {}
}
