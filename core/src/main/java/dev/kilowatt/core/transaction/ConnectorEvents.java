package dev.kilowatt.core.transaction;

import dev.kilowatt.core.availability.Availability;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.Ocpp16Mapping;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.port.ConnectorLock;
import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.PhaseSwitch;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Relay;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** One connector's hardware events, from whichever thread the adapters use, onto the event loop. */
public final class ConnectorEvents implements Relay.Listener, ControlPilot.Listener, EnergyMeter.Listener,
    ConnectorLock.Listener, PhaseSwitch.Listener {

  private static final System.Logger LOG = System.getLogger(ConnectorEvents.class.getName());

  /**
   * Where the events go.
   *
   * @param starts starts a transaction on plug-in and may stop it on unplug
   * @param availability refreshes the connector's status after a reading, a lock change or a fault
   * @param counters counts the hardware faults, by OCPP error code
   * @param clock the current time, which a meter reading is stamped with
   */
  public record Parts(StartStop starts, Availability availability, Counters counters, Supplier<Instant> clock) {}

  private final Connector connector;
  private final Executor loop;
  private final Parts parts;

  /**
   * Events for one connector.
   *
   * @param connector the connector whose relay, pilot, meter and lock are listened to
   * @param loop the event loop the events are moved onto
   * @param parts where the events go
   */
  public ConnectorEvents(Connector connector, Executor loop, Parts parts) {
    this.connector = connector;
    this.loop = loop;
    this.parts = parts;
  }

  /** Starts listening to the connector's relay, pilot, meter and lock. */
  public void start() {
    connector.hardware().lock().ifPresent(lock -> lock.start(this));
    connector.hardware().relay().start(this);
    connector.hardware().pilot().start(this);
    connector.hardware().meter().start(this);
    connector.hardware().phaseSwitch().ifPresent(phaseSwitch -> phaseSwitch.start(this));
  }

  @Override
  public void onPhasesSwitched(int phases) {
    LOG.log(Level.INFO, "connector {0}: now on {1} phase(s)", connector.id(), phases);
  }

  @Override
  public void onStateChanged(PilotState state) {
    loop.execute(() -> parts.starts().pilotChanged(connector, state));
  }

  @Override
  public void onReading(MeterReading reading) {
    loop.execute(() -> {
      connector.meterReads(reading, parts.clock().get());
      parts.availability().refresh(connector);
    });
  }

  @Override
  public void onLockChanged(boolean locked) {
    loop.execute(() -> {
      connector.lockReports(locked);
      parts.availability().refresh(connector);
    });
  }

  @Override
  public void onFault(HardwareFault fault) {
    loop.execute(() -> {
      LOG.log(Level.WARNING, "connector {0}: {1}", connector.id(), fault);
      parts.counters().increment("fault." + Ocpp16Mapping.errorCode(fault.fault()).ocppValue());
      connector.faultRaised(fault);
      if (fault.fault() == ConnectorFault.CONNECTOR_LOCK_FAILURE) {
        connector.lockFailed();
      }
      parts.availability().refresh(connector);
    });
  }

  @Override
  public void onFaultCleared(String source) {
    loop.execute(() -> {
      if (connector.faultCleared(source)) {
        parts.availability().refresh(connector);
      }
    });
  }
}
