package dev.kilowatt.examples.fleet;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ChargePointLimits;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.ocpp.CentralSystemAddress;
import dev.kilowatt.ocpp.LinkOptions;
import dev.kilowatt.ocpp.SharedClientOcppLink;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedRfidReader;
import dev.kilowatt.storage.FileStorage;
import dev.kilowatt.test.InMemoryStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated station of a fleet: the core's charge point with its own identity, data directory, loop
 * and link, on simulated hardware, with a {@link StationDriver} playing its plan. It is its charge point's
 * {@link Platform}: a reboot builds a fresh charge point on a fresh loop and the same data directory, and
 * the meters go on counting from where they were.
 */
final class FleetStation implements Platform {

  private static final Logger LOG = LoggerFactory.getLogger(FleetStation.class);
  /** The reference device's single-phase, fixed-cable connector. */
  static final double CONNECTOR_MAX_CURRENT_A = 16;
  static final String FIRMWARE = "kilowatt-fleet";

  private final String id;
  private final Path dataDirectory;
  private final FleetRuntime runtime;
  private final StationPlan plan;

  /** The running boot, once booted; replaced by a reboot. Guarded by this. */
  private Boot running;
  private boolean stopped;

  /** What one boot of the station is made of. */
  private record Boot(StationLoop loop, List<SimulatedConnector> connectors, ChargePoint chargePoint, LinkCounter link,
      StationDriver driver) {
  }

  FleetStation(String id, int number, Path dataDirectory, FleetRuntime runtime) {
    this.id = id;
    this.dataDirectory = dataDirectory;
    this.runtime = runtime;
    this.plan = new StationPlan(runtime.fleet().seed(), number, runtime.fleet().connectors(),
        runtime.fleet().behaviour());
  }

  String id() {
    return id;
  }

  Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * Boots the station on its own loop, where reading its data directory and syncing its first saves need
   * not hold up the others: it connects to the central system and starts playing its plan. A station that
   * cannot boot (a data directory it cannot write) is logged and counted as an error; the others run.
   */
  void start() {
    StationLoop loop = runtime.loops().newLoop();
    loop.execute(() -> {
      synchronized (this) {
        if (stopped) {
          return;
        }
        try {
          running = boot(loop, new double[runtime.fleet().connectors()]);
        } catch (RuntimeException e) {
          runtime.stats().errors.increment();
          LOG.error("station " + id + " could not start", e);
          loop.close();
        }
      }
    });
  }

  /** Stops the station for good, telling the central system nothing more. */
  synchronized void stop() {
    stopped = true;
    Boot boot = running;
    if (boot != null) {
      boot.chargePoint().stop();
      // the stop runs on the loop, which is closed behind it
      boot.loop().execute(() -> shutDown(boot));
    }
  }

  /** Called on the station's loop once the charge point has stopped; the new boot gets a loop of its own. */
  @Override
  public synchronized void reboot(RebootKind kind) {
    if (stopped) {
      return;
    }
    LOG.info("station {} reboots ({})", id, kind);
    Boot old = running;
    double[] registers = old.connectors().stream().mapToDouble(c -> c.meter().energyWh()).toArray();
    shutDown(old);
    running = boot(runtime.loops().newLoop(), registers);
  }

  /**
   * Builds the fleet's first station without starting it, its storage in memory: a factory configuration the
   * charge point refuses is then refused once, before any station starts, rather than by every station.
   *
   * @throws IllegalArgumentException naming each refused key and why, as the builder does
   */
  static void tryConfiguration(FleetRuntime runtime) {
    FleetFile fleet = runtime.fleet();
    FleetStation station = new FleetStation(fleet.chargePointId(fleet.offset()), fleet.offset(), Path.of("unused"), runtime);
    StationLoop loop = runtime.loops().newLoop();
    try {
      shutDown(station.build(loop, new double[fleet.connectors()], new InMemoryStorage()));
    } finally {
      loop.close();
    }
  }

  private Boot boot(StationLoop loop, double[] registersWh) {
    Boot boot = build(loop, registersWh, FileStorage.open(dataDirectory));
    boot.chargePoint().start();
    loop.execute(boot.driver()::begin);
    return boot;
  }

  private Boot build(StationLoop loop, double[] registersWh, Storage storage) {
    FleetFile fleet = runtime.fleet();
    List<SimulatedConnector> connectors = new ArrayList<>();
    for (double registerWh : registersWh) {
      connectors.add(new SimulatedConnector(loop, SimulatedConnector.Settings.defaults()
          .withMeterPollInterval(fleet.meterPoll()).withInitialRegisterWh(registerWh)));
    }
    SimulatedRfidReader reader = new SimulatedRfidReader();
    LinkCounter link = new LinkCounter(new SharedClientOcppLink(runtime.client(),
        new CentralSystemAddress(runtime.centralSystem(), id), loop,
        LinkOptions.defaults().withTraffic((direction, text) -> runtime.stats().frames.increment())), runtime.stats());
    StationDriver driver = new StationDriver(loop, plan, connectors, reader, link, runtime.stats());
    ChargePoint.Builder builder = ChargePoint.builder(loop, storage, link.link(), this)
        .identity(ChargePointIdentity.of("Kilowatt", "Fleet").withSerialNumber(id).withFirmwareVersion(FIRMWARE))
        .limits(ChargePointLimits.REFERENCE)
        .rfidReader(reader)
        .listener(driver);
    connectors.forEach(c -> builder.connector(
        ConnectorHardware.singlePhaseFixedCable(c.relay(), c.pilot(), c.meter(), CONNECTOR_MAX_CURRENT_A)));
    runtime.factoryConfiguration().forEach(builder::configuration);
    return new Boot(loop, connectors, builder.build(), link, driver);
  }

  private static void shutDown(Boot boot) {
    boot.connectors().forEach(SimulatedConnector::close);
    boot.link().link().disconnect();
    boot.loop().close();
  }
}
