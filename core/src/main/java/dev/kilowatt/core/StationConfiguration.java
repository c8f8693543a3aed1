package dev.kilowatt.core;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.port.SecretStore;
import dev.kilowatt.core.port.Storage;

/**
 * The charge point's configuration keys, first and last: the core's own before any block defines its keys, the
 * embedder's after them all, so that this order is GetConfiguration's order and every clash with a standard key shows.
 */
final class StationConfiguration {

  private StationConfiguration() {}

  /** The configuration with the core keys, the feature profiles the board supports and its file transfer protocols. */
  static Configuration standard(ChargePoint.Builder setup, Storage storage, SecretStore secrets) {
    Configuration config = new Configuration(storage, secrets, setup.configuration);
    boolean firmwareManagement = setup.firmwareInstaller.isPresent() && setup.diagnosticsCollector.isPresent();
    CoreKeys.define(config, setup.limits, setup.connectors.size(),
        "Core" + (firmwareManagement ? ",FirmwareManagement" : "") + ",LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger");
    setup.fileTransfer.ifPresent(transfer -> config.define(
        CoreKeys.derived(CoreKeys.SUPPORTED_FILE_TRANSFER_PROTOCOLS, String.join(",", transfer.protocols()))));
    return config;
  }

  /** Defines the vendor keys, then checks the factory values and the change listeners against every key. */
  static void embedder(Configuration config, ChargePoint.Builder setup) {
    for (VendorKey key : setup.vendorKeys) {
      config.nameLike(key.name()).ifPresent(taken -> {
        throw new IllegalArgumentException("vendor key " + key.name() + ": the charge point already has a key " + taken);
      });
      config.define(key.configKey());
    }
    config.verifyFactoryValues();
    setup.configurationListeners.forEach((name, listeners) -> {
      if (!config.defines(name)) {
        throw new IllegalArgumentException("configuration listener for " + name + ": no such configuration key");
      }
      listeners.forEach(listener -> config.onChange(name, listener));
    });
  }
}
