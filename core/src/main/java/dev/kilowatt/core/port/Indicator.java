package dev.kilowatt.core.port;

/**
 * The charge point's lighting that signals to the user: the OCPP configuration keys {@code BlinkRepeat} (how often
 * it blinks when signalling) and {@code LightIntensity} (percent of its full brightness) act through it.
 */
public interface Indicator {

  /**
   * Blinks {@code times} times at the current intensity, then lights steadily again.
   *
   * @param times how often to blink
   * @throws IllegalArgumentException for a negative count
   */
  void blink(int times);

  /**
   * Sets the brightness to {@code percent} of the maximum; 0 switches the light off.
   *
   * @param percent the brightness, 0 to 100
   * @throws IllegalArgumentException outside 0 to 100
   */
  void setIntensity(int percent);
}
