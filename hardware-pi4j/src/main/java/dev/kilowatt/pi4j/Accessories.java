package dev.kilowatt.pi4j;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The board's optional parts around a connector that are not about charging itself: a socket's lock and the light. */
final class Accessories {

  private Accessories() {
  }

  static LockSettings readLock(BoardProperties in) {
    String modeKey = "lock.actuator";
    boolean motor = in.text(modeKey).map(mode -> switch (mode.toLowerCase(Locale.ROOT)) {
      case "motor" -> true;
      case "solenoid" -> false;
      default -> throw in.error(modeKey, "expected motor or solenoid, got '" + mode + "'");
    }).orElse(true);
    Optional<Integer> unlockPin = in.integer("lock.unlock-pin", 0, BoardDescription.MAX_GPIO);
    if (motor && unlockPin.isEmpty()) {
      in.requiredInteger("lock.unlock-pin", 0, BoardDescription.MAX_GPIO);
    }
    if (!motor && unlockPin.isPresent()) {
      throw in.error("lock.unlock-pin", "a solenoid actuator has one output, lock.pin");
    }
    return new LockSettings(
        in.requiredInteger("lock.pin", 0, BoardDescription.MAX_GPIO),
        unlockPin,
        in.level("lock.active-level", DigitalState.HIGH),
        in.millis("lock.pulse-ms", 600, 1, 4_000),
        in.requiredInteger("lock.feedback.pin", 0, BoardDescription.MAX_GPIO),
        in.level("lock.feedback.locked-level", DigitalState.LOW),
        in.pull("lock.feedback.pull", PullResistance.PULL_UP),
        in.millis("lock.timeout-ms", 1_500, 10, 10_000));
  }

  static IndicatorSettings readIndicator(BoardProperties in) {
    Optional<Integer> pwmChannel = in.integer("indicator.pwm.channel", 0, 3);
    Optional<Integer> pin = in.integer("indicator.pin", 0, BoardDescription.MAX_GPIO);
    if (pwmChannel.isPresent() == pin.isPresent()) {
      throw in.error("indicator.pin", "give either indicator.pin (switched) or indicator.pwm.channel (dimmed), not "
          + (pin.isPresent() ? "both" : "neither"));
    }
    return new IndicatorSettings(
        pwmChannel.<IndicatorOutput>map(IndicatorOutput.Dimmed::new).orElseGet(() -> new IndicatorOutput.Switched(pin.orElseThrow())),
        in.level("indicator.on-level", DigitalState.HIGH),
        in.integer("indicator.pwm.frequency-hz", 50, 40_000).orElse(1_000),
        in.integer("indicator.intensity", 0, 100).orElse(100),
        in.millis("indicator.blink-ms", 300, 20, 5_000));
  }

  /**
   * A socket's locking actuator: a motor one pulses {@code lockPin} to lock and {@code unlockPin} to unlock, a solenoid
   * one (no unlock pin) holds the plug while {@code lockPin} is active; the feedback switch must agree within the timeout.
   */
  record LockSettings(int lockPin, Optional<Integer> unlockPin, DigitalState activeLevel, Duration pulse, int feedbackPin,
      DigitalState lockedLevel, PullResistance feedbackPull, Duration timeout) {}

  /** Where the light hangs: a GPIO that switches it, or a PWM channel that dims it. */
  sealed interface IndicatorOutput {
    record Switched(int pin) implements IndicatorOutput {
      @Override
      public String toString() {
        return "GPIO " + pin;
      }
    }

    record Dimmed(int pwmChannel) implements IndicatorOutput {
      @Override
      public String toString() {
        return "PWM channel " + pwmChannel;
      }
    }
  }

  /** The light: its output, the level that lights a switched one, the PWM frequency, the intensity at start, one blink's half. */
  record IndicatorSettings(IndicatorOutput output, DigitalState onLevel, int pwmFrequencyHz, int intensityPercent,
      Duration blinkTime) {}

}
