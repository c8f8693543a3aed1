package dev.kilowatt.examples;

import dagger.Module;
import dagger.Provides;
import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ChargePointLimits;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.DiagnosticsCollector;
import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedFirmwareInstaller;
import dev.kilowatt.storage.FactoryConfigurationFile;
import dev.kilowatt.storage.FileJournal;
import dev.kilowatt.storage.FileSecretStore;
import dev.kilowatt.storage.FileStorage;
import jakarta.inject.Singleton;

/** The charge point of the simulated charger and what it runs on, apart from the central-system link and firmware management. */
@Module(includes = EventLoopModule.class)
interface SimulatedChargerModule {

  /** The reference device's connector current; the simulator's options choose its phases and whether it is a socket. */
  double CONNECTOR_MAX_CURRENT_A = 16;

  ChargePointIdentity IDENTITY = ChargePointIdentity.of("Kilowatt", "Simulator");
  /** The firmware the simulator runs until an update installs another. */
  String FACTORY_FIRMWARE = "kilowatt-sim";

  /**
   * The default limits, except that meter values may be sampled and heartbeats sent every second, so that a
   * demo or a test sees them without waiting minutes.
   */
  ChargePointLimits LIMITS = ChargePointLimits.DEFAULT.withHeartbeatInterval(1, ChargePointLimits.DAY_S)
      .withMeterValueSampleInterval(1, ChargePointLimits.DAY_S);

  @Provides
  @Singleton
  static Storage storage(SimulatorSettings settings) {
    return FileStorage.open(settings.dataDirectory());
  }

  /** The transaction ledger, in its own directory inside the data directory, written on its own thread. */
  @Provides
  @Singleton
  static Journal journal(SimulatorSettings settings, Scheduler scheduler) {
    return FileJournal.open(settings.dataDirectory().resolve("journal"), scheduler);
  }

  @Provides
  @Singleton
  static ChargePoint chargePoint(Scheduler scheduler, Storage storage, Journal journal, CentralSystem centralSystem, Platform platform,
      SimulatedBoard board, SimulatorSettings settings, FileTransfer fileTransfer, SimulatedFirmwareInstaller firmware,
      DiagnosticsCollector diagnostics) {
    ChargePoint.Builder builder = ChargePoint.builder(scheduler, storage, centralSystem, platform)
        .secretStore(FileSecretStore.inDataDirectory(settings.dataDirectory()))
        .journal(journal)
        .identity(IDENTITY.withFirmwareVersion(firmware.installedVersion().orElse(FACTORY_FIRMWARE)))
        .limits(LIMITS)
        .rfidReader(board.reader())
        .fileTransfer(fileTransfer)
        .firmwareInstaller(firmware)
        .diagnosticsCollector(diagnostics);
    for (int id = 1; id <= board.connectors().size(); id++) {
      SimulatedConnector c = board.connector(id);
      ConnectorHardware hardware = board.lock(id)
          .map(lock -> ConnectorHardware.socket(c.relay(), c.pilot(), c.meter(), CONNECTOR_MAX_CURRENT_A, settings.phases(), lock))
          .orElseGet(() -> new ConnectorHardware(c.relay(), c.pilot(), c.meter(), CONNECTOR_MAX_CURRENT_A, settings.phases(), true));
      // a simulated three-phase connector has 1/3-phase contactors: handed over, the schedule's numberPhases drives them
      builder.connector(c.phaseSwitch().map(hardware::withPhaseSwitch).orElse(hardware));
    }
    settings.configurationFile().ifPresent(file -> builder.configuration(FactoryConfigurationFile.read(file)));
    settings.factoryConfiguration().forEach(builder::configuration);
    return builder.build();
  }
}
