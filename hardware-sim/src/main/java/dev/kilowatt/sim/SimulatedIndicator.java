package dev.kilowatt.sim;

import dev.kilowatt.core.port.Indicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The charge point's light, simulated: it remembers its brightness and how often it blinked, and logs each signal. */
public final class SimulatedIndicator implements Indicator {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedIndicator.class);

  private int intensityPercent = 100;
  private int blinks;

  /** A light at full brightness that has not blinked yet. */
  public SimulatedIndicator() {}

  @Override
  public synchronized void blink(int times) {
    if (times < 0) {
      throw new IllegalArgumentException("blink a negative number of times: " + times);
    }
    blinks += times;
    LOG.info("light blinks {} times at {} %", times, intensityPercent);
  }

  @Override
  public synchronized void setIntensity(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("light intensity is 0 to 100 %, not " + percent);
    }
    intensityPercent = percent;
  }

  /** {@return the brightness now, in percent} */
  public synchronized int intensityPercent() {
    return intensityPercent;
  }

  /** {@return how many times it has blinked since it was made} */
  public synchronized int blinks() {
    return blinks;
  }
}
