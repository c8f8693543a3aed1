package dev.kilowatt.examples;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.ocpp.TrafficListener;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running simulated charger. It is its charge point's {@link Platform}: a reboot (Reset, or a firmware
 * update taking effect) stops the component and builds a fresh one on the same data directory, in this
 * process, the way a board restarts its software. The EVs stay where they were, as cars do while a
 * charger reboots.
 */
final class Simulator implements Platform, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
  private static final long STOP_TIMEOUT_S = 5;

  private final SimulatedChargerComponent.Factory factory = DaggerSimulatedChargerComponent.factory();
  private final SimulatorSettings settings;
  private final TrafficListener traffic;
  private final LinkState link;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  /** Absent while the charger has no power. */
  private Optional<SimulatedChargerComponent> running = Optional.empty();
  /** What the EVs set on their pilot lines when the power went, for when it comes back. */
  private List<PilotState> evsWithoutPower = List.of();
  private int boots;

  private Simulator(SimulatorSettings settings, TrafficListener traffic, Consumer<String> announce) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.traffic = Objects.requireNonNull(traffic, "traffic");
    this.link = new LinkState(announce);
  }

  /**
   * Builds the charger and starts it: it connects to the central system and boots.
   *
   * @param traffic hears every OCPP frame sent and received
   * @param announce hears a line for people when the connection to the central system comes or goes
   * @throws RefusedSettings when the charge point cannot be built from the factory configuration
   */
  static Simulator start(SimulatorSettings settings, TrafficListener traffic, Consumer<String> announce) {
    Simulator simulator = new Simulator(settings, traffic, announce);
    simulator.boot(List.of());
    return simulator;
  }

  /**
   * The charge point as it runs now; a reboot replaces it.
   *
   * @throws IllegalStateException while the charger has no power
   */
  synchronized ChargePoint chargePoint() {
    return powered().chargePoint();
  }

  /**
   * The hardware as it runs now; a reboot replaces it.
   *
   * @throws IllegalStateException while the charger has no power
   */
  synchronized SimulatedBoard board() {
    return powered().board();
  }

  /**
   * The power goes: the charger stops where it is, its durable state as it was at that moment; the EVs
   * stay plugged in. Its connection closes, so the central system sees it go.
   *
   * @throws IllegalStateException when it has no power already
   */
  synchronized void cutPower() {
    SimulatedChargerComponent component = powered();
    evsWithoutPower = component.board().evStates();
    component.chargePoint().stop();
    shutDown(component);
    running = Optional.empty();
  }

  /** The charger is switched off (unless a power cut did that) and on again, and boots on its data directory. */
  synchronized void switchOn() {
    if (closed.isDone()) {
      throw new IllegalStateException("the simulator is stopped");
    }
    if (running.isPresent()) {
      cutPower();
    }
    boot(evsWithoutPower);
  }

  private SimulatedChargerComponent powered() {
    return running.orElseThrow(() -> new IllegalStateException("the charger has no power (power cut); restart it"));
  }

  /** How many times the charger has started, the first start included. */
  synchronized int boots() {
    return boots;
  }

  SimulatorSettings settings() {
    return settings;
  }

  /** The connection to the central system, across reboots. */
  LinkState link() {
    return link;
  }

  /** Called on the charge point's event loop, which the restart shuts down: the restart runs on its own thread. */
  @Override
  public void reboot(RebootKind kind) {
    Thread.ofPlatform().name("simulated-reboot").start(() -> restart(kind));
  }

  /** Stops the charger, keeping its durable state for the next start on the same data directory. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed.isDone()) {
        return;
      }
      running.ifPresent(component -> {
        component.chargePoint().stop();
        shutDown(component);
      });
      closed.complete(null);
    }
  }

  /** Blocks until {@link #close()}. */
  void awaitClosed() throws InterruptedException {
    try {
      closed.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private synchronized void restart(RebootKind kind) {
    if (closed.isDone() || running.isEmpty()) {
      return;
    }
    LOG.info("simulated reboot ({})", kind);
    List<PilotState> evs = running.get().board().evStates();
    shutDown(running.get());
    boot(evs);
  }

  private synchronized void boot(List<PilotState> evs) {
    SimulatedChargerComponent component = factory.create(settings, this, traffic, link);
    ChargePoint chargePoint;
    try {
      chargePoint = component.chargePoint();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      shutDown(component);
      throw new RefusedSettings(e);
    }
    running = Optional.of(component);
    component.board().resume(evs);
    boots++;
    chargePoint.start();
  }

  /** The charge point refused to be built from the settings: its factory configuration file or values are bad. */
  static final class RefusedSettings extends RuntimeException {
    RefusedSettings(RuntimeException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Lets the loop finish what the charge point queued (its stop included), then stops hardware and loop. */
  private static void shutDown(SimulatedChargerComponent component) {
    EventLoop loop = component.eventLoop();
    CompletableFuture<Void> drained = new CompletableFuture<>();
    loop.execute(() -> drained.complete(null));
    try {
      drained.get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("the event loop did not drain within " + STOP_TIMEOUT_S + " s; stopping it anyway");
    }
    component.board().close();
    loop.close();
  }
}
