package dev.kilowatt.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.Relay;
import dev.kilowatt.core.port.Scheduler;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contactor on a GPIO output, with an optional auxiliary contact on a GPIO input.
 *
 * <p>The contactor closes only when the {@link Interlock} allows it, and opens by itself when the interlock
 * says so; a close asked for while the interlock refuses is carried out once it allows, unless the domain
 * opens first or the interlock forces the contactor open in between. With an auxiliary contact, the contact is compared with the command once the contacts have had
 * their settle time after each command or feedback change: closed while commanded open is a welded
 * contactor, open while commanded closed one that failed to close; both are a {@code PowerSwitchFailure},
 * cleared once the contact agrees again. The residual-current monitor, when the board has one, reports
 * through this relay's listener, since a trip is first of all a reason to open it.
 *
 * <p>Commands and Pi4J events are handled on the scheduler's thread.
 */
final class GpioRelay implements Relay {

  private static final Logger LOG = LoggerFactory.getLogger(GpioRelay.class);

  private final DigitalOutput coil;
  private final DigitalState coilActiveLevel;
  private final Optional<AuxiliaryContact> feedback;
  private final Duration settleTime;
  private final Interlock interlock;
  private final Optional<RcmInput> rcm;
  private final Scheduler scheduler;
  private final FaultLatch contactFault = new FaultLatch("relay");
  private final FaultLatch coilFault = new FaultLatch("relay-coil");
  private Relay.Listener listener = new Relay.Listener() {};
  private boolean wanted;
  private boolean commandedClosed;
  private Optional<Scheduler.Timer> pendingCheck = Optional.empty();

  GpioRelay(DigitalOutput coil, DigitalState coilActiveLevel, Optional<AuxiliaryContact> feedback,
      Duration settleTime, Interlock interlock, Optional<RcmInput> rcm, Scheduler scheduler) {
    this.coil = coil;
    this.coilActiveLevel = coilActiveLevel;
    this.feedback = feedback;
    this.settleTime = settleTime;
    this.interlock = interlock;
    this.rcm = rcm;
    this.scheduler = scheduler;
  }

  /** The auxiliary contact and the level its input reads while the main contacts are closed. */
  record AuxiliaryContact(DigitalInput input, DigitalState closedLevel) {
    boolean closed() {
      return input.state() == closedLevel;
    }
  }

  @Override
  public void start(Relay.Listener listener) {
    this.listener = listener;
    interlock.onChange(this::follow);
    rcm.ifPresent(monitor -> monitor.start(listener));
    feedback.ifPresent(contact -> contact.input().addListener(event -> {
      boolean closed = event.state() == contact.closedLevel();
      scheduler.execute(() -> feedbackChanged(closed));
    }));
    armCheck();
  }

  @Override
  public void close() {
    wanted = true;
    interlock.closingRefusal().ifPresentOrElse(
        reason -> LOG.warn("Not closing the contactor yet: {}", reason),
        () -> drive(true));
  }

  @Override
  public void open() {
    wanted = false;
    drive(false);
  }

  /**
   * Brings the contactor in line with the interlock. When it must open, it opens, and a close asked for
   * earlier is forgotten: after a safety opening only a new command closes it. Otherwise a close that was
   * refused for the moment (the diode check still running) is carried out now, because the domain sends
   * a command only when its own view changes and would not ask again.
   */
  private void follow() {
    Optional<String> openingReason = interlock.openingReason();
    if (openingReason.isPresent()) {
      wanted = false;
      if (commandedClosed) {
        LOG.warn("Opening the contactor by itself: {}", openingReason.get());
        drive(false);
      }
    } else if (wanted && !commandedClosed && interlock.closingRefusal().isEmpty()) {
      LOG.info("Closing the contactor, as asked, now that nothing prevents it");
      drive(true);
    }
  }

  private void drive(boolean closed) {
    DigitalState level = closed ? coilActiveLevel : DigitalState.getInverseState(coilActiveLevel);
    try {
      coil.state(level);
      coilFault.clear(listener);
    } catch (RuntimeException e) {
      LOG.error("Cannot drive the contactor coil to " + level, e);
      coilFault.raise(listener, ConnectorFault.POWER_SWITCH_FAILURE, "RELAY_GPIO",
          "contactor coil output failed");
    }
    if (closed != commandedClosed) {
      commandedClosed = closed;
      armCheck();
    }
  }

  private void feedbackChanged(boolean closed) {
    listener.onFeedback(closed);
    armCheck();
  }

  private void armCheck() {
    if (feedback.isEmpty()) {
      return;
    }
    pendingCheck.ifPresent(Scheduler.Timer::cancel);
    pendingCheck = Optional.of(scheduler.schedule(settleTime, this::checkContact));
  }

  private void checkContact() {
    pendingCheck = Optional.empty();
    boolean closed = feedback.orElseThrow().closed();
    if (closed == commandedClosed) {
      contactFault.clear(listener);
    } else if (closed) {
      LOG.error("The contactor is closed although commanded open: welded?");
      contactFault.raise(listener, ConnectorFault.POWER_SWITCH_FAILURE, "RELAY_WELDED",
          "contactor closed while commanded open");
    } else {
      LOG.error("The contactor is open although commanded closed");
      contactFault.raise(listener, ConnectorFault.POWER_SWITCH_FAILURE, "RELAY_NOT_CLOSED",
          "contactor open while commanded closed");
    }
  }
}
