package dev.kilowatt.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.ConnectorLock;
import dev.kilowatt.core.port.Scheduler;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A socket's locking actuator on GPIO outputs, with a feedback switch on a GPIO input.
 *
 * <p>Two kinds of actuator: a motor one, driven through an H-bridge with a pulse on the lock output or on the unlock
 * output (never both at once), which stays where the pulse left it; and a solenoid one on a single output, which
 * holds the plug while the output is active. The feedback switch tells where the pin is. It must reach the commanded
 * position within the timeout after each command, or the lock reports a {@code ConnectorLockFailure}
 * ({@code LOCK_NOT_LOCKED}, {@code LOCK_NOT_UNLOCKED}), cleared once it reaches a commanded position; an output that
 * cannot be driven reports {@code LOCK_GPIO}. A command for the position the feedback already reads starts no motor
 * pulse, and ends one still running.
 *
 * <p>Commands and Pi4J events are handled on the scheduler's thread.
 */
final class GpioConnectorLock implements ConnectorLock {

  private static final Logger LOG = LoggerFactory.getLogger(GpioConnectorLock.class);

  /** How the actuator is driven. */
  sealed interface Actuator {
    /** The output that moves it or holds it. */
    DigitalOutput lockOutput();

    DigitalState activeLevel();
  }

  /** A motor actuator: a pulse on one output locks, a pulse on the other unlocks. */
  record MotorActuator(DigitalOutput lockOutput, DigitalOutput unlockOutput, DigitalState activeLevel, Duration pulse)
      implements Actuator {}

  /** A solenoid actuator: locked while its output is active. */
  record SolenoidActuator(DigitalOutput lockOutput, DigitalState activeLevel) implements Actuator {}

  private final Actuator actuator;
  private final DigitalInput feedback;
  private final DigitalState lockedLevel;
  private final Duration timeout;
  private final Scheduler scheduler;
  private final FaultLatch positionFault = new FaultLatch("connector-lock");
  private final FaultLatch outputFault = new FaultLatch("connector-lock-output");
  private ConnectorLock.Listener listener = locked -> {};
  private boolean commandedLocked;
  private boolean reportedLocked;
  private Optional<Scheduler.Timer> pulseEnd = Optional.empty();
  private Optional<Scheduler.Timer> check = Optional.empty();

  GpioConnectorLock(Actuator actuator, DigitalInput feedback, DigitalState lockedLevel, Duration timeout,
      Scheduler scheduler) {
    this.actuator = actuator;
    this.feedback = feedback;
    this.lockedLevel = lockedLevel;
    this.timeout = timeout;
    this.scheduler = scheduler;
  }

  /** Reports where the lock is now, then every change the feedback switch sees. */
  @Override
  public void start(ConnectorLock.Listener listener) {
    this.listener = listener;
    commandedLocked = feedbackLocked();
    reportedLocked = commandedLocked;
    listener.onLockChanged(reportedLocked);
    feedback.addListener(event -> {
      boolean locked = event.state() == lockedLevel;
      scheduler.execute(() -> feedbackChanged(locked));
    });
  }

  @Override
  public void lock() {
    command(true);
  }

  @Override
  public void unlock() {
    command(false);
  }

  private void command(boolean locked) {
    commandedLocked = locked;
    check.ifPresent(Scheduler.Timer::cancel);
    check = Optional.empty();
    boolean there = feedbackLocked() == locked;
    switch (actuator) {
      case MotorActuator motor -> {
        stopPulse(motor);
        if (!there) {
          drive(locked ? motor.lockOutput() : motor.unlockOutput(), true);
          pulseEnd = Optional.of(scheduler.schedule(motor.pulse(), () -> stopPulse(motor)));
        }
      }
      // a solenoid is driven even when the feedback agrees: only the output holds or frees the plug
      case SolenoidActuator solenoid -> drive(solenoid.lockOutput(), locked);
    }
    if (there) {
      positionFault.clear(listener);
    } else {
      check = Optional.of(scheduler.schedule(timeout, this::checkPosition));
    }
  }

  /** Both outputs inactive, before any new pulse too: both active at once would short the H-bridge. */
  private void stopPulse(MotorActuator motor) {
    pulseEnd.ifPresent(Scheduler.Timer::cancel);
    pulseEnd = Optional.empty();
    drive(motor.lockOutput(), false);
    drive(motor.unlockOutput(), false);
  }

  private void drive(DigitalOutput output, boolean active) {
    DigitalState level = active ? actuator.activeLevel() : DigitalState.getInverseState(actuator.activeLevel());
    try {
      output.state(level);
      outputFault.clear(listener);
    } catch (RuntimeException e) {
      LOG.error("Cannot drive the connector lock output " + output.id() + " to " + level, e);
      outputFault.raise(listener, ConnectorFault.CONNECTOR_LOCK_FAILURE, "LOCK_GPIO", "lock actuator output failed");
    }
  }

  private void feedbackChanged(boolean locked) {
    if (locked != reportedLocked) {
      reportedLocked = locked;
      listener.onLockChanged(locked);
    }
    if (locked == commandedLocked) {
      positionFault.clear(listener);
    }
  }

  private void checkPosition() {
    check = Optional.empty();
    boolean locked = feedbackLocked();
    if (locked == commandedLocked) {
      positionFault.clear(listener);
    } else if (commandedLocked) {
      LOG.error("The connector lock did not lock within {} ms", timeout.toMillis());
      positionFault.raise(listener, ConnectorFault.CONNECTOR_LOCK_FAILURE, "LOCK_NOT_LOCKED", "lock stayed open when locked");
    } else {
      LOG.error("The connector lock did not unlock within {} ms", timeout.toMillis());
      positionFault.raise(listener, ConnectorFault.CONNECTOR_LOCK_FAILURE, "LOCK_NOT_UNLOCKED",
          "lock stayed locked when unlocked");
    }
  }

  private boolean feedbackLocked() {
    return feedback.state() == lockedLevel;
  }
}
