package dev.kilowatt.examples.fleet;

import dev.kilowatt.core.ChargePointListener;
import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.ConnectorState;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedEv;
import dev.kilowatt.sim.SimulatedRfidReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Plays a station's plan on its loop: drivers arriving with their cards or their app, cars charging until
 * they have the energy they want and leaving, faults, and losses of the mobile link. Runs only on the
 * station's loop, so its state needs no lock.
 *
 * <p>A card session presents the card first and plugs the car into the connector the charge point then
 * prepares, which is the charge point's choice on a station with several. A remote session plugs the car
 * in and waits for the central system's RemoteStartTransaction. A car that arrives while its connector is
 * taken, faulted, or while another driver's card is still being decided, drives on: that session is
 * skipped, and the connector's next one is planned.
 */
final class StationDriver implements ChargePointListener {

  private static final double MAINS_V = 230;
  private static final double MILLIS_PER_HOUR = 3_600_000;
  /** How long a driver waits for the charge point to decide on a card before giving up. */
  private static final Duration CARD_PATIENCE = Duration.ofSeconds(60);

  private final Scheduler loop;
  private final StationPlan plan;
  private final List<SimulatedConnector> connectors;
  private final SimulatedRfidReader reader;
  private final LinkCounter link;
  private final FleetStats stats;
  /** Whether a car stands at each connector (index 0 is connector 1). */
  private final boolean[] occupied;
  private final boolean[] faulted;
  /** The card session waiting for a connector to be prepared, and the connector whose plan it came from. */
  private Optional<CardWait> cardWait = Optional.empty();

  private record CardWait(int plannedConnector, StationPlan.Session session, Scheduler.Timer patience) {
  }

  StationDriver(Scheduler loop, StationPlan plan, List<SimulatedConnector> connectors, SimulatedRfidReader reader,
      LinkCounter link, FleetStats stats) {
    this.loop = loop;
    this.plan = plan;
    this.connectors = connectors;
    this.reader = reader;
    this.link = link;
    this.stats = stats;
    this.occupied = new boolean[connectors.size()];
    this.faulted = new boolean[connectors.size()];
  }

  /** Plans the first session on every connector, the first fault and the first loss of the link. */
  void begin() {
    for (int c = 1; c <= connectors.size(); c++) {
      planSession(c);
    }
    planFault();
    planDrop();
  }

  private void planSession(int connector) {
    StationPlan.Session session = plan.nextSession(connector);
    loop.schedule(session.idle(), () -> arrive(connector, session));
  }

  private void arrive(int connector, StationPlan.Session session) {
    if (occupied[connector - 1] || faulted[connector - 1] || cardWait.isPresent()) {
      planSession(connector);
      return;
    }
    if (session.remoteStart()) {
      plugIn(connector, connector, session);
      return;
    }
    Scheduler.Timer patience = loop.schedule(CARD_PATIENCE, () -> giveUpOnCard(connector));
    cardWait = Optional.of(new CardWait(connector, session, patience));
    reader.present(session.card().orElseThrow());
  }

  private void giveUpOnCard(int plannedConnector) {
    cardWait = Optional.empty();
    planSession(plannedConnector);
  }

  @Override
  public void onCardDecision(String idTag, boolean accepted) {
    if (!accepted) {
      cardWait.ifPresent(wait -> {
        wait.patience().cancel();
        giveUpOnCard(wait.plannedConnector());
      });
    }
  }

  @Override
  public void onStatusChanged(int connectorId, ConnectorState state, ConnectorFault fault) {
    if (state == ConnectorState.PREPARING && connectorId >= 1 && !occupied[connectorId - 1]) {
      cardWait.ifPresent(wait -> {
        wait.patience().cancel();
        cardWait = Optional.empty();
        plugIn(connectorId, wait.plannedConnector(), wait.session());
      });
    }
  }

  /** The car goes onto {@code connector} and asks for energy; it leaves when its time is up. */
  private void plugIn(int connector, int plannedConnector, StationPlan.Session session) {
    occupied[connector - 1] = true;
    SimulatedEv ev = connectors.get(connector - 1).ev();
    ev.plug();
    ev.requestEnergy();
    double amperes = Math.min(FleetStation.CONNECTOR_MAX_CURRENT_A, ev.maxCurrentA());
    Duration untilFull = Duration.ofMillis(Math.round(session.energyWh() / (MAINS_V * amperes) * MILLIS_PER_HOUR));
    if (untilFull.compareTo(session.plugged()) < 0) {
      loop.schedule(untilFull, () -> {
        if (ev.state().evConnected()) {
          ev.pause();
        }
      });
    }
    loop.schedule(session.plugged(), () -> {
      ev.unplug();
      occupied[connector - 1] = false;
      planSession(plannedConnector);
    });
  }

  private void planFault() {
    plan.nextFault().ifPresent(fault -> loop.schedule(fault.after(), () -> {
      SimulatedConnector connector = connectors.get(fault.connector() - 1);
      faulted[fault.connector() - 1] = true;
      stats.faults.increment();
      connector.fault(fault.kind());
      loop.schedule(fault.length(), () -> {
        connector.clearFault();
        faulted[fault.connector() - 1] = false;
        planFault();
      });
    }));
  }

  private void planDrop() {
    plan.nextDrop().ifPresent(drop -> loop.schedule(drop.after(), () -> {
      link.lose();
      loop.schedule(drop.offline(), () -> {
        link.restore();
        planDrop();
      });
    }));
  }
}
