package dev.kilowatt.examples;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;

/** A central-system link that reports to a {@link LinkState}: the connection's comings and goings, and the calls answered. */
final class WatchedLink implements CentralSystem {

  private final CentralSystem link;
  private final String endpoint;
  private final LinkState state;

  /** @param endpoint where {@code link} connects, for people */
  WatchedLink(CentralSystem link, String endpoint, LinkState state) {
    this.link = link;
    this.endpoint = endpoint;
    this.state = state;
  }

  @Override
  public void connect(ConnectionSettings settings, Listener listener) {
    link.connect(settings, new Listener() {
      @Override
      public void onConnected() {
        state.connected(endpoint);
        listener.onConnected();
      }

      @Override
      public void onDisconnected(String reason) {
        state.disconnected(reason);
        listener.onDisconnected(reason);
      }

      @Override
      public void onCallResult(String callId, Response response) {
        listener.onCallResult(callId, response);
        state.answered(callId);
      }

      @Override
      public void onCallError(String callId, CallError error) {
        listener.onCallError(callId, error);
        state.answered(callId);
      }

      @Override
      public void onCall(String callId, CentralSystemRequest<?> request) {
        listener.onCall(callId, request);
      }

      @Override
      public void onSecurityEvent(String type, String techInfo) {
        listener.onSecurityEvent(type, techInfo);
      }
    });
  }

  @Override
  public void reconfigure(ConnectionSettings settings) {
    link.reconfigure(settings);
  }

  @Override
  public void disconnect() {
    link.disconnect();
  }

  @Override
  public void send(String callId, ChargePointRequest<?> request) {
    state.sent(callId);
    link.send(callId, request);
  }

  @Override
  public void reply(String callId, Response response) {
    link.reply(callId, response);
  }

  @Override
  public void replyError(String callId, CallError error) {
    link.replyError(callId, error);
  }
}
