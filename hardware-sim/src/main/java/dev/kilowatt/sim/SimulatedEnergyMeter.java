package dev.kilowatt.sim;

import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.Scheduler;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleConsumer;

/**
 * A single-phase meter in front of the EV. Its register integrates the power the EV draws exactly, from
 * every change of the draw, so it does not depend on when it is polled; each poll interval it pushes a
 * reading. Like a real meter it keeps counting while it cannot be read.
 *
 * <p>Where the register is kept across restarts, each reading is saved before it is pushed: a power cut can
 * then lose energy the charger never saw, but never make the register resume below a reading the charger
 * already billed. A reading that cannot be saved is held back (logged) until a later one can.
 */
public final class SimulatedEnergyMeter implements EnergyMeter {

  static final String SOURCE = "meter";
  private static final System.Logger LOG = System.getLogger(SimulatedEnergyMeter.class.getName());
  private static final double NANOS_PER_HOUR = 3.6e12;

  private final Scheduler scheduler;
  private final Object lock;
  private final Duration pollInterval;
  private final double voltageV;
  private final DoubleConsumer keepRegister;
  private EnergyMeter.Listener listener = reading -> {};
  private double energyWh;
  private double keptWh = Double.NaN;
  private double currentA;
  private Instant integratedUntil;
  private Scheduler.Timer nextPoll = () -> {};
  private boolean started;
  private boolean stopped;
  private boolean failed;

  SimulatedEnergyMeter(Scheduler scheduler, Object lock, Duration pollInterval, double voltageV,
      double initialRegisterWh, DoubleConsumer keepRegister) {
    this.scheduler = scheduler;
    this.keepRegister = keepRegister;
    this.lock = lock;
    this.pollInterval = pollInterval;
    this.voltageV = voltageV;
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

  /** The energy register now, in Wh. */
  public double energyWh() {
    synchronized (lock) {
      integrate();
      return energyWh;
    }
  }

  /** The current the EV draws now, in A. */
  public double currentA() {
    synchronized (lock) {
      return currentA;
    }
  }

  /** The power the EV draws now, in W. */
  public double powerW() {
    synchronized (lock) {
      return voltageV * currentA;
    }
  }

  /** Whether the meter has stopped answering. */
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
        listener.onFault(new HardwareFault(SOURCE, ChargePointErrorCode.POWER_METER_FAILURE, "METER_NO_RESPONSE",
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

  /** The EV's draw changed to {@code amperes}; what it drew until now counts at the old current. */
  void drawChanged(double amperes) {
    synchronized (lock) {
      integrate();
      currentA = amperes;
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
    if (kept()) {
      listener.onReading(MeterReading.singlePhase(energyWh, voltageV * currentA, voltageV, currentA));
    }
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
      LOG.log(Level.ERROR, "meter register not saved; its reading is held back until it is", e);
      return false;
    }
  }

  /** Adds the energy drawn since the last integration; a clock stepping back adds nothing. */
  private void integrate() {
    Instant now = scheduler.now();
    if (now.isAfter(integratedUntil)) {
      energyWh += voltageV * currentA * Duration.between(integratedUntil, now).toNanos() / NANOS_PER_HOUR;
      integratedUntil = now;
    }
  }
}
