package dev.kilowatt.sim;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.Relay;
import dev.kilowatt.core.port.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated connector: relay, control pilot and meter for the charge point, and the EV on its cable.
 * The parts are wired like the real circuit: the EV draws only what the pilot offers and only while the
 * relay's contacts are closed, on as many phases as the connector, its phase switch and the EV's charger all
 * allow, and the meter counts what it draws. The parts share one lock, so the charge point's loop and a console
 * thread may drive them at the same time.
 */
public final class SimulatedConnector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedConnector.class);
  static final String INJECTED_FAULT_SOURCE = "simulator";

  private final Object lock = new Object();
  private final SimulatedRelay relay;
  private final SimulatedControlPilot pilot;
  private final SimulatedEnergyMeter meter;
  private final SimulatedEv ev;
  private final Optional<SimulatedPhaseSwitch> phaseSwitch;
  private boolean injectedFault;

  /**
   * How a simulated connector is built.
   *
   * @param meterPollInterval how often the meter pushes a reading
   * @param mainsVoltageV the single-phase mains voltage, in V
   * @param initialRegisterWh the meter's energy register at start, in Wh (a restart resumes the last one)
   * @param evMaxCurrentA the most current the EV draws per phase, in A
   * @param evBattery the EV's battery, if it should stop charging once full
   * @param phases the phases the connector and its meter are wired for, 1 or 3
   * @param evPhases the phases the EV's on-board charger uses, 1 or 3
   */
  public record Settings(Duration meterPollInterval, double mainsVoltageV, double initialRegisterWh,
      double evMaxCurrentA, Optional<SimulatedEv.Battery> evBattery, int phases, int evPhases) {

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException for a poll interval, voltage or EV current that is not positive, or a
     *     negative register
     */
    public Settings {
      Objects.requireNonNull(meterPollInterval, "meterPollInterval");
      Objects.requireNonNull(evBattery, "evBattery");
      if (meterPollInterval.isNegative() || meterPollInterval.isZero()) {
        throw new IllegalArgumentException("meter poll interval must be positive: " + meterPollInterval);
      }
      requirePositive(mainsVoltageV, "mains voltage");
      requirePositive(evMaxCurrentA, "EV maximum current");
      if (!(initialRegisterWh >= 0) || Double.isInfinite(initialRegisterWh)) {
        throw new IllegalArgumentException("energy register must be 0 Wh or more: " + initialRegisterWh);
      }
      requirePhases(phases, "connector");
      requirePhases(evPhases, "EV");
    }

    /**
     * 1 s polling, 230 V, register at 0 Wh, a 32 A EV without a battery model.
     *
     * @return those settings
     */
    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(1), 230, 0, 32, Optional.empty(), 1, 1);
    }

    /**
     * The connector and the EV on {@code count} phases, 1 or 3.
     *
     * @param count the phases, 1 or 3
     * @return these settings with that number of phases
     */
    public Settings withPhases(int count) {
      return new Settings(meterPollInterval, mainsVoltageV, initialRegisterWh, evMaxCurrentA, evBattery, count, count);
    }

    /**
     * The EV's charger on {@code count} phases, 1 or 3, whatever the connector has.
     *
     * @param count the phases the EV draws on, 1 or 3
     * @return these settings with the EV on that number of phases
     */
    public Settings withEvPhases(int count) {
      return new Settings(meterPollInterval, mainsVoltageV, initialRegisterWh, evMaxCurrentA, evBattery, phases, count);
    }

    /**
     * These settings with another meter poll interval.
     *
     * @param interval how often the meter pushes a reading
     * @return the new settings
     */
    public Settings withMeterPollInterval(Duration interval) {
      return new Settings(interval, mainsVoltageV, initialRegisterWh, evMaxCurrentA, evBattery, phases, evPhases);
    }

    /**
     * These settings with another mains voltage.
     *
     * @param volts the single-phase mains voltage, in V
     * @return the new settings
     */
    public Settings withMainsVoltageV(double volts) {
      return new Settings(meterPollInterval, volts, initialRegisterWh, evMaxCurrentA, evBattery, phases, evPhases);
    }

    /**
     * These settings with another register at start.
     *
     * @param wattHours the energy register at start, in Wh
     * @return the new settings
     */
    public Settings withInitialRegisterWh(double wattHours) {
      return new Settings(meterPollInterval, mainsVoltageV, wattHours, evMaxCurrentA, evBattery, phases, evPhases);
    }

    /**
     * These settings with an EV that draws another current.
     *
     * @param amperes the most current the EV draws, in A
     * @return the new settings
     */
    public Settings withEvMaxCurrentA(double amperes) {
      return new Settings(meterPollInterval, mainsVoltageV, initialRegisterWh, amperes, evBattery, phases, evPhases);
    }

    /**
     * These settings with an EV with a battery that stops charging once full.
     *
     * @param battery the battery's state at start
     * @return the new settings
     */
    public Settings withEvBattery(SimulatedEv.Battery battery) {
      return new Settings(meterPollInterval, mainsVoltageV, initialRegisterWh, evMaxCurrentA, Optional.of(battery), phases, evPhases);
    }

    private static void requirePhases(int count, String what) {
      if (count != 1 && count != 3) {
        throw new IllegalArgumentException(what + " phases must be 1 or 3: " + count);
      }
    }

    private static void requirePositive(double value, String what) {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(what + " must be a positive number: " + value);
      }
    }
  }

  /**
   * A connector with its relay, pilot, meter and EV, the EV unplugged.
   *
   * @param scheduler the event loop that times the meter's readings and the EV's charging
   * @param settings how the connector is built
   */
  public SimulatedConnector(Scheduler scheduler, Settings settings) {
    this(scheduler, settings, wattHours -> {});
  }

  /**
   * A connector whose meter register lives in {@code register}: it resumes the saved register (or starts
   * at {@code settings}' initial one if none is saved) and saves each reading before the charger gets it,
   * so a killed simulator never resumes below a reading the charger saw.
   *
   * @param register the file the meter's register is resumed from and saved to
   * @param scheduler the clock the simulated EV and meter advance on
   * @param settings the connector, its meter and its EV
   * @return the connector, its meter at the resumed register
   */
  public static SimulatedConnector keepingRegisterIn(MeterRegisterFile register, Scheduler scheduler,
      Settings settings) {
    Settings resumed = settings.withInitialRegisterWh(register.load().orElse(settings.initialRegisterWh()));
    return new SimulatedConnector(scheduler, resumed, register::save);
  }

  private SimulatedConnector(Scheduler scheduler, Settings settings, DoubleConsumer keepRegister) {
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(settings, "settings");
    relay = new SimulatedRelay(lock, this::circuitChanged);
    pilot = new SimulatedControlPilot(lock, this::circuitChanged);
    meter = new SimulatedEnergyMeter(scheduler, lock, settings.meterPollInterval(), settings.mainsVoltageV(),
        settings.phases(), settings.initialRegisterWh(), keepRegister);
    ev = new SimulatedEv(scheduler, lock, pilot, settings.mainsVoltageV(), settings.evMaxCurrentA(),
        settings.evPhases(), settings.evBattery());
    phaseSwitch = settings.phases() == 3
        ? Optional.of(new SimulatedPhaseSwitch(lock, this::circuitChanged))
        : Optional.empty();
  }

  /** {@return the relay port for the charge point; also where relay failures are injected} */
  public SimulatedRelay relay() {
    return relay;
  }

  /** {@return the control pilot port for the charge point} */
  public SimulatedControlPilot pilot() {
    return pilot;
  }

  /** {@return the meter port for the charge point; also where meter failures are injected} */
  public SimulatedEnergyMeter meter() {
    return meter;
  }

  /** {@return the 1/3-phase switch port of a three-phase connector; a single-phase one has none} */
  public Optional<SimulatedPhaseSwitch> phaseSwitch() {
    return phaseSwitch;
  }

  /** {@return the EV on this connector's cable} */
  public SimulatedEv ev() {
    return ev;
  }

  /**
   * Reports {@code fault} through the pilot's listener, as a board's own fault input would.
   * Injecting another fault while one is active replaces it.
   *
   * @param fault what kind of fault the board reports
   * @throws IllegalArgumentException for {@code NONE}, which is no fault: use {@link #clearFault()}
   */
  public void fault(ConnectorFault fault) {
    Objects.requireNonNull(fault, "fault");
    if (fault == ConnectorFault.NONE) {
      throw new IllegalArgumentException("NONE is not a fault; clear the fault instead");
    }
    synchronized (lock) {
      LOG.info("injected fault {}", fault);
      injectedFault = true;
      pilot.reportFault(new HardwareFault(INJECTED_FAULT_SOURCE, fault, "SIMULATED", "injected fault"));
    }
  }

  /** Clears the injected fault, if there is one. */
  public void clearFault() {
    synchronized (lock) {
      if (injectedFault) {
        LOG.info("injected fault cleared");
        injectedFault = false;
        pilot.reportFaultCleared(INJECTED_FAULT_SOURCE);
      }
    }
  }

  /** Stops the meter's polling (saving its register where it is kept) and the EV's timers. */
  @Override
  public void close() {
    meter.stop();
    ev.stop();
  }

  private void circuitChanged() {
    synchronized (lock) {
      double draw = ev.drawFor(relay.isClosed());
      int phases = Math.min(phaseSwitch.map(SimulatedPhaseSwitch::phases).orElse(meter.phases()), ev.phases());
      meter.drawChanged(draw, phases);
      ev.drawChanged(draw, phases);
    }
  }
}
