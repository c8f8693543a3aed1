package dev.kilowatt.serial;

import org.slf4j.LoggerFactory;

/**
 * What the charge point last asked of a board that drives the pilot itself. Commands arrive on the event loop
 * and must not wait for the serial line, so the adapter records the demand and its device thread brings the
 * board in line, again after the board restarts or forgets.
 */
sealed interface PilotDemand {

  /** IEC 61851-1 cannot signal less on the pilot. */
  int MIN_AMPERES = 6;
  /** The highest current the PWM can signal. */
  int MAX_AMPERES = 80;

  /** PWM offering this many amperes. */
  record Offer(int amperes) implements PilotDemand {}

  /** Steady +12 V: the EV stays connected and must not draw current. */
  record Pause() implements PilotDemand {}

  /** The charge point is unavailable. */
  record Unavailable() implements PilotDemand {}

  /** Whole amperes, rounded down so that the EV never gets more than asked; below 6 A means pause. */
  static PilotDemand offer(double amperes) {
    if (Double.isNaN(amperes)) {
      LoggerFactory.getLogger(PilotDemand.class).warn("offer of NaN amperes treated as a pause");
      return new Pause();
    }
    if (amperes < MIN_AMPERES) {
      return new Pause();
    }
    return new Offer((int) Math.min(MAX_AMPERES, Math.floor(amperes)));
  }
}
