package dev.kilowatt.examples;

import dagger.Module;
import dagger.Provides;
import dev.kilowatt.core.port.DiagnosticsCollector;
import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.sim.SimulatedFirmwareInstaller;
import dev.kilowatt.transfer.LogDirectoryDiagnostics;
import dev.kilowatt.transfer.NetworkFileTransfer;
import jakarta.inject.Singleton;

/**
 * Firmware updates and diagnostics: real HTTP(S)/FTP transfers, a simulated bootloader that checks and
 * "installs" images, and diagnostics archives of the log directory. All of it lives in the data directory,
 * so an installed version survives the reboot that activates it.
 */
@Module
interface FirmwareManagementModule {

  @Provides
  @Singleton
  static FileTransfer fileTransfer(SimulatorSettings settings) {
    return NetworkFileTransfer.builder(settings.dataDirectory().resolve("transfers")).build();
  }

  @Provides
  @Singleton
  static SimulatedFirmwareInstaller firmwareInstaller(SimulatorSettings settings) {
    return new SimulatedFirmwareInstaller(settings.dataDirectory().resolve("firmware"));
  }

  @Provides
  @Singleton
  static DiagnosticsCollector diagnosticsCollector(SimulatorSettings settings) {
    return new LogDirectoryDiagnostics(settings.dataDirectory().resolve("logs"), settings.dataDirectory().resolve("diagnostics"));
  }
}
