package dev.kilowatt.examples;

import dagger.Module;
import dagger.Provides;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.ocpp.CentralSystemAddress;
import dev.kilowatt.ocpp.LinkOptions;
import dev.kilowatt.ocpp.OcppJsonLink;
import dev.kilowatt.ocpp.TrafficListener;
import jakarta.inject.Singleton;

/** The link to the central system: OCPP-J 1.6 over a WebSocket, watched by the simulator. */
@Module
interface OcppLinkModule {

  @Provides
  @Singleton
  static CentralSystem centralSystem(SimulatorSettings settings, Scheduler scheduler, TrafficListener traffic, LinkState state) {
    CentralSystemAddress address = new CentralSystemAddress(settings.centralSystem(), settings.chargePointId());
    OcppJsonLink link = new OcppJsonLink(address, scheduler,
        LinkOptions.defaults().withBackoff(settings.reconnect()).withTraffic(traffic));
    return new WatchedLink(link, address.endpoint().toString(), state);
  }
}
