package dev.kilowatt.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import dev.kilowatt.core.port.Indicator;
import dev.kilowatt.core.port.Scheduler;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charge point's light on a PWM channel, dimmed by its duty cycle, or on a plain GPIO output, which is on at any
 * intensity above 0. A blink is the light off then on again, each for the blink time; blinks run on the scheduler,
 * and a new blink or intensity ends the blinks still to come.
 *
 * <p>Commands are handled on the scheduler's thread. A light that cannot be driven is logged and counted; it stops
 * nothing, as no charging depends on it.
 */
final class GpioIndicator implements Indicator {

  private static final Logger LOG = LoggerFactory.getLogger(GpioIndicator.class);

  /** The output the light hangs on. */
  sealed interface Light {
    void show(int percent);
  }

  /** An LED driver on a PWM channel: duty cycle = intensity. */
  record PwmLight(Pwm pwm, int frequencyHz) implements Light {
    @Override
    public void show(int percent) {
      if (percent == 0) {
        pwm.off();
      } else {
        pwm.on(percent, frequencyHz);
      }
    }
  }

  /** A light switched by a GPIO output. */
  record SwitchedLight(DigitalOutput output, DigitalState onLevel) implements Light {
    @Override
    public void show(int percent) {
      output.state(percent > 0 ? onLevel : DigitalState.getInverseState(onLevel));
    }
  }

  private final Light light;
  private final Duration blinkTime;
  private final Scheduler scheduler;
  private int intensityPercent;
  private Optional<Scheduler.Timer> nextBlinkStep = Optional.empty();
  private int failures;

  GpioIndicator(Light light, int intensityPercent, Duration blinkTime, Scheduler scheduler) {
    this.light = light;
    this.intensityPercent = intensityPercent;
    this.blinkTime = blinkTime;
    this.scheduler = scheduler;
    show(intensityPercent);
  }

  @Override
  public void blink(int times) {
    if (times < 0) {
      throw new IllegalArgumentException("blink a negative number of times: " + times);
    }
    cancelBlinks();
    step(2 * times);
  }

  @Override
  public void setIntensity(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("light intensity is 0 to 100 %, not " + percent);
    }
    cancelBlinks();
    intensityPercent = percent;
    show(percent);
  }

  /** How often driving the light failed. */
  int failures() {
    return failures;
  }

  /** Even steps left: the light goes off; odd ones: it comes on again; none: it stays on. */
  private void step(int stepsLeft) {
    nextBlinkStep = Optional.empty();
    if (stepsLeft == 0) {
      show(intensityPercent);
      return;
    }
    show(stepsLeft % 2 == 0 ? 0 : intensityPercent);
    nextBlinkStep = Optional.of(scheduler.schedule(blinkTime, () -> step(stepsLeft - 1)));
  }

  private void cancelBlinks() {
    nextBlinkStep.ifPresent(Scheduler.Timer::cancel);
    nextBlinkStep = Optional.empty();
  }

  private void show(int percent) {
    try {
      light.show(percent);
    } catch (RuntimeException e) {
      failures++;
      LOG.warn("Cannot drive the light to " + percent + " % (" + failures + " failures so far)", e);
    }
  }
}
