package dev.kilowatt.examples;

import dagger.BindsInstance;
import dagger.Component;
import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.ocpp.TrafficListener;
import jakarta.inject.Singleton;

/**
 * The simulated charger, wired: core's charge point on the real event loop, file storage in the data
 * directory, the OCPP-J link to the central system, simulated hardware, and firmware management. One component per board; a
 * reboot builds a fresh one on the same data directory.
 */
@Singleton
@Component(modules = {SimulatedChargerModule.class, OcppLinkModule.class, FirmwareManagementModule.class})
interface SimulatedChargerComponent {

  ChargePoint chargePoint();

  SimulatedBoard board();

  EventLoop eventLoop();

  @Component.Factory
  interface Factory {
    /**
     * @param platform what a reboot of the charge point does
     * @param traffic hears every OCPP frame sent and received
     * @param link learns when the connection to the central system comes and goes
     */
    SimulatedChargerComponent create(@BindsInstance SimulatorSettings settings, @BindsInstance Platform platform,
        @BindsInstance TrafficListener traffic, @BindsInstance LinkState link);
  }
}
