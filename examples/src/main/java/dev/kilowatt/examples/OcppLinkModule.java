package dev.kilowatt.examples;

import dagger.Module;
import dagger.Provides;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.ocpp.CentralSystemAddress;
import dev.kilowatt.ocpp.LinkOptions;
import dev.kilowatt.ocpp.OcppJsonLink;
import dev.kilowatt.ocpp.TrafficListener;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The link to the central system: OCPP-J 1.6 over a WebSocket, watched by the simulator. */
@Module
interface OcppLinkModule {

  @Provides
  @Singleton
  static CentralSystem centralSystem(SimulatorSettings settings, Scheduler scheduler, TrafficListener traffic, LinkState state) {
    CentralSystemAddress address = new CentralSystemAddress(settings.centralSystem(), settings.chargePointId());
    OcppJsonLink link = new OcppJsonLink(address, scheduler,
        LinkOptions.defaults().withBackoff(settings.reconnect()).withTraffic(traffic));
    String endpoint = address.endpoint().toString();
    return new WatchedLink(link, new WatchedLink.Watcher() {
      @Override
      public void connected() {
        state.connected(endpoint);
      }

      @Override
      public void disconnected(String reason) {
        state.disconnected(reason);
      }

      @Override
      public void sent(String callId, ChargePointRequest<?> request) {
        state.sent(callId);
      }

      @Override
      public void answered(String callId, Optional<Response> response) {
        state.answered(callId);
      }
    });
  }
}
