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
import dev.kilowatt.sim.SimulatedFirmwareInstaller;
import dev.kilowatt.storage.FileJournal;
import dev.kilowatt.storage.FileStorage;
import jakarta.inject.Singleton;

/** The charge point of the simulated charger and what it runs on, apart from the central-system link and firmware management. */
@Module(includes = EventLoopModule.class)
interface SimulatedChargerModule {

  /** The reference device's single-phase, fixed-cable connector. */
  double CONNECTOR_MAX_CURRENT_A = 16;

  ChargePointIdentity IDENTITY = ChargePointIdentity.of("Kilowatt", "Simulator");
  /** The firmware the simulator runs until an update installs another. */
  String FACTORY_FIRMWARE = "kilowatt-sim";

  /**
   * The reference device's limits, except that meter values may be sampled and heartbeats sent every second,
   * so that a demo or a test sees them without waiting minutes.
   */
  ChargePointLimits LIMITS = new ChargePointLimits(ChargePointLimits.REFERENCE.getConfigurationMaxKeys(),
      ChargePointLimits.REFERENCE.measurandListMaxLength(), 1, ChargePointLimits.REFERENCE.maxMeterValueSampleInterval(), 1,
      ChargePointLimits.REFERENCE.maxHeartbeatInterval(), ChargePointLimits.REFERENCE.webSocketPingInterval());

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
        .journal(journal)
        .identity(IDENTITY.withFirmwareVersion(firmware.installedVersion().orElse(FACTORY_FIRMWARE)))
        .limits(LIMITS)
        .rfidReader(board.reader())
        .fileTransfer(fileTransfer)
        .firmwareInstaller(firmware)
        .diagnosticsCollector(diagnostics);
    board.connectors().forEach(c -> builder.connector(
        ConnectorHardware.singlePhaseFixedCable(c.relay(), c.pilot(), c.meter(), CONNECTOR_MAX_CURRENT_A)));
    settings.factoryConfiguration().forEach(builder::configuration);
    return builder.build();
  }
}
