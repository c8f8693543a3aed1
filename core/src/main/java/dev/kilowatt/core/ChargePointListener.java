package dev.kilowatt.core;

import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ChargePointStatus;

/**
 * What an embedder (a display, a log, a test) may want to hear from the charge point. Called on the
 * event loop: return quickly.
 */
public interface ChargePointListener {

  /** A connector's status changed (connector 0 is the charge point as a whole). */
  default void onStatusChanged(int connectorId, ChargePointStatus status, ChargePointErrorCode errorCode) {}

  /** A card was read and the charge point decided about it. */
  default void onCardDecision(String idTag, boolean accepted) {}

  /** The charge point is about to reboot; the domain must not be used after this. */
  default void onRebooting() {}
}
