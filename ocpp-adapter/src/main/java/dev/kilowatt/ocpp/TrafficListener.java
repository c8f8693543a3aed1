package dev.kilowatt.ocpp;

/**
 * Sees every OCPP-J text frame the link sends or receives, as on the wire but for the value of a secret
 * configuration key ({@code AuthorizationKey}), which is masked, for people to watch (a console line per
 * message, a trace file). It is called from the link's threads and the domain's,
 * so it must be thread-safe and quick; what it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface TrafficListener {

  /** Which way a frame went. */
  enum Direction {
    /** From the charge point to the central system, reported as the frame is handed to the connection. */
    SENT,
    /** From the central system to the charge point, before any validation. */
    RECEIVED
  }

  /**
   * Called once for each frame.
   *
   * @param direction which way it went
   * @param text the frame as on the wire
   */
  void onFrame(Direction direction, String text);

  /** Watches nothing. */
  TrafficListener NONE = (direction, text) -> { };
}
