package dev.kilowatt.pi4j;

import com.pi4j.io.pwm.Pwm;
import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.pi4j.BoardDescription.PilotSettings;
import dev.kilowatt.pi4j.BoardDescription.PilotThresholds;
import dev.kilowatt.pi4j.Mcp3008PilotSensor.PilotLevels;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control pilot: a 1 kHz hardware PWM through a +/-12 V stage, read back by an
 * {@link Mcp3008PilotSensor}.
 *
 * <p>Output. The duty cycle follows {@link PilotDutyCycle}; 100 % is steady +12 V (not offering) and 0 %
 * steady -12 V (state F, disabled). A stage that inverts gets the complement on the pin. The PWM is
 * written only when the value changes, because Pi4J's linuxfs PWM briefly disables the output on every
 * {@code on()}, which an EV would see as a glitch to -12 V.
 *
 * <p>Input. Every burst interval the sensor reads a burst; the high level maps to A-F through the board's
 * thresholds, and a state counts only once it has been read in a row for the debounce number of bursts.
 * Only changes of state are reported.
 *
 * <p>Diode check. While the PWM offers current and an EV is connected, the low level must be below the
 * diode threshold, debounced the same way. Each new offer starts unchecked, and the contactor may not
 * close until the diode has checked out. A missing diode is a {@code CP_DIODE} fault and the pilot reads F;
 * the fault clears when the diode checks out, when the EV is unplugged, or, since the domain answers a
 * fault by disabling the pilot and -12 V shows neither, after a retry time without PWM, so that the next
 * offer checks again. A burst is judged only when at least ten of its samples are expected in the low
 * phase: at high duty cycles the low phase is short, and a burst that missed it must not look like a
 * missing diode; at such duty cycles the diode goes unchecked (the board file tells how many samples
 * cover which currents).
 *
 * <p>Commands and bursts run on the scheduler's thread.
 */
final class PwmPilot implements ControlPilot {

  private static final Logger LOG = LoggerFactory.getLogger(PwmPilot.class);
  private static final int MIN_EXPECTED_LOW_SAMPLES = 10;
  private static final int UNKNOWN_DUTY = -1;
  private static final Duration DIODE_RETRY = Duration.ofSeconds(30);

  private final Pwm pwm;
  private final boolean inverted;
  private final Mcp3008PilotSensor sensor;
  private final Duration burstInterval;
  private final PilotThresholds thresholds;
  private final Interlock interlock;
  private final Scheduler scheduler;
  private final Debounce<PilotState> measured;
  private final Debounce<Boolean> diodePresent;
  private final FaultLatch diodeFault = new FaultLatch("pilot");
  private final FaultLatch adcFault = new FaultLatch("pilot-adc");
  private final FaultLatch pwmFault = new FaultLatch("pilot-pwm");
  private ControlPilot.Listener listener = state -> {};
  private int dutyPercent = PilotDutyCycle.DISABLED;
  /** When the diode was last found missing or the PWM last stopped: the retry time counts from there. */
  private Instant diodeRetryFrom = Instant.MIN;
  private Optional<PilotState> reported = Optional.empty();
  private long adcFailures;

  /** Takes a PWM created at steady -12 V (0 %, or 100 % on an inverting stage). */
  PwmPilot(Pwm pwm, Mcp3008PilotSensor sensor, PilotSettings settings, Interlock interlock, Scheduler scheduler) {
    this.pwm = pwm;
    this.inverted = settings.inverted();
    this.sensor = sensor;
    this.burstInterval = settings.burstInterval();
    this.thresholds = settings.thresholds();
    this.interlock = interlock;
    this.scheduler = scheduler;
    this.measured = new Debounce<>(settings.debounceBursts(), Optional.empty());
    this.diodePresent = new Debounce<>(settings.debounceBursts(), Optional.empty());
  }

  @Override
  public void start(ControlPilot.Listener listener) {
    this.listener = listener;
    scheduler.schedule(burstInterval, this::sample);
  }

  @Override
  public void offer(double amperes) {
    if (Double.isNaN(amperes)) {
      LOG.warn("Asked to offer NaN amperes; offering nothing");
    }
    signal(PilotDutyCycle.forCurrent(amperes));
  }

  @Override
  public void stopOffering() {
    signal(PilotDutyCycle.NOT_OFFERING);
  }

  @Override
  public void disable() {
    signal(PilotDutyCycle.DISABLED);
  }

  private void signal(int percent) {
    if (percent == dutyPercent) {
      return;
    }
    int pinPercent = inverted ? 100 - percent : percent;
    boolean wasOffering = offering();
    try {
      if (pinPercent == 0) {
        pwm.off();
      } else {
        pwm.on(pinPercent);
      }
      dutyPercent = percent;
      if (offering() && !wasOffering && !diodeMissing()) {
        diodePresent.reset(Optional.empty());
      } else if (wasOffering && !offering()) {
        diodeRetryFrom = scheduler.now();
      }
      interlock.pilotOutput(percent, diodeAllowsClosing());
      pwmFault.clear(listener);
    } catch (RuntimeException e) {
      LOG.error("Cannot set the pilot PWM to " + pinPercent + " %", e);
      // what the pin does now is unknown: keep the contactor open, and write again on the next command
      dutyPercent = UNKNOWN_DUTY;
      interlock.pilotOutput(PilotDutyCycle.DISABLED, false);
      pwmFault.raise(listener, ConnectorFault.INTERNAL_ERROR, "CP_PWM", "pilot PWM output failed");
    }
  }

  private void sample() {
    scheduler.schedule(burstInterval, this::sample);
    Optional<PilotState> newlyStable = measured.feed(read());
    boolean unplugged = newlyStable.equals(Optional.of(PilotState.A));
    boolean retry = diodeMissing() && !offering()
        && !scheduler.now().isBefore(diodeRetryFrom.plus(DIODE_RETRY));
    if (unplugged || retry) {
      diodePresent.reset(Optional.empty());
    }
    Optional<PilotState> state = measured.stable().map(s -> diodeMissing() ? PilotState.F : s);
    boolean changed = state.isPresent() && !state.equals(reported);
    // the diode first: a state that allows closing must not meet a diode check of the last offer
    interlock.pilotOutput(dutyPercent, diodeAllowsClosing());
    if (changed) {
      interlock.pilotState(state.get());
    }
    if (diodeMissing()) {
      diodeFault.raise(listener, ConnectorFault.EV_COMMUNICATION_ERROR, "CP_DIODE",
          "no EV diode on the control pilot");
    } else {
      diodeFault.clear(listener);
    }
    if (changed) {
      reported = state;
      listener.onStateChanged(state.get());
    }
  }

  /** One burst as a state reading, judging the diode on the way; a failed burst reads F. */
  private PilotState read() {
    PilotLevels levels;
    try {
      levels = sensor.burst();
    } catch (RuntimeException e) {
      adcFailures++;
      if (!adcFault.isActive()) {
        LOG.error("Cannot read the pilot ADC", e);
      }
      adcFault.raise(listener, ConnectorFault.INTERNAL_ERROR, "CP_ADC", "pilot ADC failed");
      return PilotState.F;
    }
    if (adcFault.isActive()) {
      LOG.info("The pilot ADC reads again after {} failed bursts", adcFailures);
      adcFault.clear(listener);
    }
    PilotState reading = thresholds.classify(levels.highVolts());
    if (reading.evConnected() && lowPhaseInBurst()) {
      boolean diodeSeen = levels.lowVolts() <= thresholds.diode();
      diodePresent.feed(diodeSeen).filter(present -> !present).ifPresent(missing -> {
        diodeRetryFrom = scheduler.now();
        LOG.error("Diode check failed: pilot low level %.1f V".formatted(levels.lowVolts()));
      });
    }
    return reading;
  }

  private boolean offering() {
    return dutyPercent > 0 && dutyPercent < 100;
  }

  private boolean lowPhaseInBurst() {
    return offering() && sensor.samples() * (100 - dutyPercent) >= MIN_EXPECTED_LOW_SAMPLES * 100;
  }

  private boolean diodeMissing() {
    return diodePresent.stable().equals(Optional.of(false));
  }

  /** Checked out, or impossible to check at this duty cycle with this many samples per burst. */
  private boolean diodeAllowsClosing() {
    return diodePresent.stable().orElse(!lowPhaseInBurst());
  }
}
