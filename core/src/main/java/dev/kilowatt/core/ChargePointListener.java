package dev.kilowatt.core;

import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ChargePointStatus;

/**
 * What an embedder (a display, a log, a test) may want to hear from the charge point. Called on the
 * event loop: return quickly.
 */
public interface ChargePointListener {

  /**
   * A connector's status changed (connector 0 is the charge point as a whole).
   *
   * @param connectorId the connector, 0 for the charge point
   * @param status its new status, as StatusNotification reports it
   * @param errorCode the fault that goes with it; NoError when there is none
   */
  default void onStatusChanged(int connectorId, ChargePointStatus status, ChargePointErrorCode errorCode) {}

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
