package dev.kilowatt.sim;

import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.PilotState;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A control pilot with a PWM generator that, like real hardware, only sets whole-percent duty cycles, and a
 * sensing side that reads the state the EV sets. The charge point's listener hears each state once per
 * change: the first state when it starts, then only the changes. While disabled the pilot reads F whatever
 * the EV does, because the generator holds the line at -12 V.
 */
public final class SimulatedControlPilot implements ControlPilot {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedControlPilot.class);

  /** The lowest and highest current a duty cycle can signal (IEC 61851-1 Annex A). */
  private static final double MIN_AMPERES = 6;
  private static final double MAX_AMPERES = 80;
  /** Where the duty-to-current slope changes from 0.6 A/% to 2.5 A/%. */
  private static final int KNEE_DUTY = 85;
  /** Absorbs binary rounding of currents that are exact multiples of a duty step (e.g. 9.6 A). */
  private static final double EPSILON = 1e-9;

  private final Object lock;
  private final Runnable lineChanged;
  private ControlPilot.Listener listener = state -> {};
  private Output output = new NotOffering();
  private PilotState evState = PilotState.A;
  private PilotState reported = PilotState.A;

  SimulatedControlPilot(Object lock, Runnable lineChanged) {
    this.lock = lock;
    this.lineChanged = lineChanged;
  }

  /** What the generator puts on the pilot line. */
  public sealed interface Output {}

  /** Steady +12 V: the EV may stay connected but must not draw current. */
  public record NotOffering() implements Output {}

  /**
   * A 1 kHz PWM offering current.
   *
   * @param dutyCyclePercent the whole-percent duty cycle, 10..96
   * @param amperes the current that duty cycle signals, never more than was asked
   */
  public record Offering(int dutyCyclePercent, double amperes) implements Output {}

  /** Steady -12 V (state F): the charge point is not available. */
  public record Unavailable() implements Output {}

  @Override
  public void start(ControlPilot.Listener listener) {
    synchronized (lock) {
      this.listener = listener;
      reported = observedState();
      listener.onStateChanged(reported);
    }
  }

  @Override
  public void offer(double amperes) {
    if (!Double.isFinite(amperes)) {
      LOG.warn("offer of {} A is not a current; the pilot stops offering", amperes);
      stopOffering();
      return;
    }
    int duty = dutyCycleFor(amperes);
    setOutput(duty == 0 ? new NotOffering() : new Offering(duty, amperesFor(duty)));
  }

  @Override
  public void stopOffering() {
    setOutput(new NotOffering());
  }

  @Override
  public void disable() {
    setOutput(new Unavailable());
  }

  /** {@return what the generator puts on the pilot line now} */
  public Output output() {
    synchronized (lock) {
      return output;
    }
  }

  /** {@return the current the EV may draw now: the offered current while a PWM runs, otherwise 0} */
  public double offeredAmperes() {
    synchronized (lock) {
      return output instanceof Offering offering ? offering.amperes() : 0;
    }
  }

  /** {@return the state the charge point reads on the pilot line} */
  public PilotState state() {
    synchronized (lock) {
      return observedState();
    }
  }

  /** {@return the state the EV side sets with its resistors, whatever the generator does} */
  public PilotState evState() {
    synchronized (lock) {
      return evState;
    }
  }

  /**
   * Sets the state on the EV side of the line, as plugging, a charging request or a pilot short would.
   *
   * @param state the state the EV side sets
   */
  public void setEvState(PilotState state) {
    Objects.requireNonNull(state, "state");
    synchronized (lock) {
      if (state != evState) {
        evState = state;
        reportIfChanged();
        lineChanged.run();
      }
    }
  }

  /** Reports a fault through the charge point's pilot listener, for faults injected on the connector. */
  void reportFault(HardwareFault fault) {
    synchronized (lock) {
      listener.onFault(fault);
    }
  }

  void reportFaultCleared(String source) {
    synchronized (lock) {
      listener.onFaultCleared(source);
    }
  }

  /** The whole-percent duty cycle that offers at most {@code amperes}, or 0 below the 6 A minimum. */
  static int dutyCycleFor(double amperes) {
    if (amperes < MIN_AMPERES) {
      return 0;
    }
    if (amperes < amperesFor(KNEE_DUTY)) {
      return (int) Math.floor(amperes / 0.6 + EPSILON);
    }
    return Math.max(KNEE_DUTY, (int) Math.floor(Math.min(amperes, MAX_AMPERES) / 2.5 + 64 + EPSILON));
  }

  /** The current a duty cycle of 10..96 % signals. */
  static double amperesFor(int dutyCyclePercent) {
    return dutyCyclePercent <= KNEE_DUTY ? dutyCyclePercent * 6 / 10.0 : (dutyCyclePercent - 64) * 25 / 10.0;
  }

  private void setOutput(Output next) {
    synchronized (lock) {
      if (!next.equals(output)) {
        output = next;
        reportIfChanged();
        lineChanged.run();
      }
    }
  }

  private PilotState observedState() {
    return output instanceof Unavailable ? PilotState.F : evState;
  }

  private void reportIfChanged() {
    PilotState now = observedState();
    if (now != reported) {
      reported = now;
      listener.onStateChanged(now);
    }
  }
}
