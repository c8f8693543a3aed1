package dev.kilowatt.examples;

import dagger.Module;
import dagger.Provides;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.ocpp.CentralSystemAddress;
import dev.kilowatt.ocpp.LinkOptions;
import dev.kilowatt.ocpp.OcppJsonLink;
import dev.kilowatt.ocpp.TrafficListener;
import dev.kilowatt.ocpp201.Handshake;
import dev.kilowatt.ocpp201.Ocpp201CentralSystem;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The link to the central system, watched by the simulator: OCPP-J 1.6 over a WebSocket, or OCPP 2.0.1 as
 * the settings' protocol says, its frames shown on the console either way. The 2.0.1 adapter keeps the seqNo of
 * running transactions in the charger's storage.
 */
@Module
interface OcppLinkModule {

  @Provides
  @Singleton
  static CentralSystem centralSystem(SimulatorSettings settings, Scheduler scheduler, TrafficListener traffic, LinkState state,
      Storage storage) {
    CentralSystemAddress address = new CentralSystemAddress(settings.centralSystem(), settings.chargePointId());
    CentralSystem link = switch (settings.protocol()) {
      case OCPP16 -> new OcppJsonLink(address, scheduler,
          LinkOptions.defaults().withBackoff(settings.reconnect()).withTraffic(traffic));
      case OCPP201 -> new Ocpp201CentralSystem(address, Handshake.MESSAGE_TIMEOUT, scheduler, storage, traffic);
    };
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
