package dev.kilowatt.sim;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.Scheduler;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single- or three-phase meter in front of the EV. Its register integrates the power the EV draws exactly, from
 * every change of the draw, so it does not depend on when it is polled; each poll interval it pushes a
 * reading. Like a real meter it keeps counting while it cannot be read. A three-phase meter reports voltage,
 * current and power of each phase, as an SDM630 does, with 0 A on the phases the EV does not draw from; a
 * single-phase one reports its power only as the total.
 *
 * <p>Where the register is kept across restarts, each reading is saved before it is pushed: a power cut can
 * then lose energy the charger never saw, but never make the register resume below a reading the charger
 * already billed. A reading that cannot be saved is held back (logged) until a later one can.
 */
public final class SimulatedEnergyMeter implements EnergyMeter {

  static final String SOURCE = "meter";
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedEnergyMeter.class);
  private static final double NANOS_PER_HOUR = 3.6e12;

  private final Scheduler scheduler;
  private final Object lock;
  private final Duration pollInterval;
  private final double voltageV;
  private final DoubleConsumer keepRegister;
  private final int phases;
  private EnergyMeter.Listener listener = reading -> {};
  private double energyWh;
  private double keptWh = Double.NaN;
  private double currentA;
  private int phasesDrawn = 1;
  private Instant integratedUntil;
  private Scheduler.Timer nextPoll = () -> {};
  private boolean started;
  private boolean stopped;
  private boolean failed;

  SimulatedEnergyMeter(Scheduler scheduler, Object lock, Duration pollInterval, double voltageV, int phases,
      double initialRegisterWh, DoubleConsumer keepRegister) {
    this.scheduler = scheduler;
    this.keepRegister = keepRegister;
    this.lock = lock;
    this.pollInterval = pollInterval;
    this.voltageV = voltageV;
    this.phases = phases;
    this.energyWh = initialRegisterWh;
    this.integratedUntil = scheduler.now();
  }

  /** Pushes a first reading at once, then one every poll interval until {@link #stop()}. */
  @Override
  public void start(EnergyMeter.Listener listener) {
    synchronized (lock) {
      if (started) {
        throw new IllegalStateException("the meter is already started");
      }
      started = true;
      this.listener = listener;
      poll();
    }
  }

  /** Stops polling; the register keeps its value, and is saved where it is kept. */
  public void stop() {
    synchronized (lock) {
      stopped = true;
      nextPoll.cancel();
      integrate();
      kept();
    }
  }

  /** {@return the energy register now, in Wh} */
  public double energyWh() {
    synchronized (lock) {
      integrate();
      return energyWh;
    }
  }

  /** {@return the current the EV draws now, in A} */
  public double currentA() {
    synchronized (lock) {
      return currentA;
    }
  }

  /** {@return the power the EV draws now, in W} */
  public double powerW() {
    synchronized (lock) {
      return voltageV * currentA * phasesDrawn;
    }
  }

  /** {@return whether the meter has stopped answering} */
  public int phases() {
    return phases;
  }

  /** {@return whether the meter has stopped answering} */
  public boolean isFailed() {
    synchronized (lock) {
      return failed;
    }
  }

  /** The meter stops answering: a {@code PowerMeterFailure} is reported and readings stop. */
  public void fail() {
    synchronized (lock) {
      if (!failed) {
        failed = true;
        listener.onFault(new HardwareFault(SOURCE, ConnectorFault.POWER_METER_FAILURE, "METER_NO_RESPONSE",
            "meter stopped answering"));
      }
    }
  }

  /** The meter answers again: the fault is cleared and a reading follows at once. */
  public void recover() {
    synchronized (lock) {
      if (failed) {
        failed = false;
        listener.onFaultCleared(SOURCE);
        if (started && !stopped) {
          pushReading();
        }
      }
    }
  }

  /** The EV's draw changed to {@code amperes} on each of {@code phasesDrawn}; what it drew until now counts at the old draw. */
  void drawChanged(double amperes, int phasesDrawn) {
    synchronized (lock) {
      integrate();
      currentA = amperes;
      this.phasesDrawn = phasesDrawn;
    }
  }

  private void poll() {
    synchronized (lock) {
      if (stopped) {
        return;
      }
      if (!failed) {
        pushReading();
      }
      nextPoll = scheduler.schedule(pollInterval, this::poll);
    }
  }

  private void pushReading() {
    integrate();
    if (!kept()) {
      return;
    }
    if (phases == 1) {
      listener.onReading(MeterReading.singlePhase(energyWh, voltageV * currentA, voltageV, currentA));
      return;
    }
    List<MeterReading.PhaseReading> readings = new ArrayList<>(phases);
    for (int phase = 1; phase <= phases; phase++) {
      double amperes = phase <= phasesDrawn ? currentA : 0;
      readings.add(new MeterReading.PhaseReading(phase, voltageV, amperes, Optional.of(voltageV * amperes)));
    }
    listener.onReading(new MeterReading(energyWh, voltageV * currentA * phasesDrawn, readings));
  }

  /** Whether the register as it is now has been kept, saving it if it changed. */
  private boolean kept() {
    if (energyWh == keptWh) {
      return true;
    }
    try {
      keepRegister.accept(energyWh);
      keptWh = energyWh;
      return true;
    } catch (UncheckedIOException e) {
      LOG.error("meter register not saved; its reading is held back until it is", e);
      return false;
    }
  }

  /** Adds the energy drawn since the last integration; a clock stepping back adds nothing. */
  private void integrate() {
    Instant now = scheduler.now();
    if (now.isAfter(integratedUntil)) {
      energyWh += voltageV * currentA * phasesDrawn * Duration.between(integratedUntil, now).toNanos() / NANOS_PER_HOUR;
      integratedUntil = now;
    }
  }
}
