package dev.kilowatt.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.FaultListener;
import dev.kilowatt.core.port.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault output of a residual-current monitor (e.g. a 6 mA DC RDC-DD module) on a GPIO input. A trip
 * opens the contactor through the {@link Interlock} and is reported as a {@code GroundFailure}; the fault
 * clears when the input returns to normal, so latching until a reset is left to the module, which does it.
 *
 * <p>Pi4J events are handled on the scheduler's thread.
 */
final class RcmInput {

  private static final Logger LOG = LoggerFactory.getLogger(RcmInput.class);

  private final DigitalInput input;
  private final DigitalState trippedLevel;
  private final Interlock interlock;
  private final Scheduler scheduler;
  private final FaultLatch fault = new FaultLatch("rcm");
  private FaultListener listener = new FaultListener() {};

  RcmInput(DigitalInput input, DigitalState trippedLevel, Interlock interlock, Scheduler scheduler) {
    this.input = input;
    this.trippedLevel = trippedLevel;
    this.interlock = interlock;
    this.scheduler = scheduler;
  }

  void start(FaultListener listener) {
    this.listener = listener;
    input.addListener(event -> {
      DigitalState state = event.state();
      scheduler.execute(() -> update(state));
    });
    update(input.state());
  }

  private void update(DigitalState state) {
    boolean tripped = state == trippedLevel;
    interlock.groundFault(tripped);
    if (tripped) {
      if (!fault.isActive()) {
        LOG.error("The residual-current monitor has tripped");
      }
      fault.raise(listener, ConnectorFault.GROUND_FAILURE, "RCM_TRIP", "residual current monitor tripped");
    } else {
      fault.clear(listener);
    }
  }
}
