package dev.kilowatt.core.messaging;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.Scheduler;
import java.util.Optional;

/** An outbox wired to a link as the station wires it, for the parts that are tested without a station. */
public final class OutboxWiring {

  private OutboxWiring() {}

  /** Lets {@code outbox} send over {@code link}; transaction messages go as they were queued. */
  public static void attach(Outbox outbox, CentralSystem link) {
    outbox.attach(link, new TransactionReceiver() {
      @Override
      public Optional<ChargePointRequest<?>> prepare(Outbox.Queued queued) {
        return Optional.of(queued.request());
      }

      @Override
      public void onAnswered(Outbox.Queued queued, Response response, Runnable settled) {
        settled.run();
      }

      @Override
      public void onGivenUp(Outbox.Queued queued, java.util.List<CallError> errors, Runnable settled) {
        settled.run();
      }
    });
  }

  /**
   * Hands the link's answers to {@code outbox} on {@code loop}, with what the part under test does when the
   * connection comes and goes; nothing may call the charge point.
   */
  public static CentralSystem.Listener listener(Scheduler loop, Outbox outbox, Runnable connected, Runnable disconnected) {
    return new CentralSystem.Listener() {
      @Override
      public void onConnected() {
        loop.execute(connected);
      }

      @Override
      public void onDisconnected(String reason) {
        loop.execute(disconnected);
      }

      @Override
      public void onCallResult(String callId, Response response) {
        loop.execute(() -> outbox.onResult(callId, response));
      }

      @Override
      public void onCallError(String callId, CallError error) {
        loop.execute(() -> outbox.onError(callId, error));
      }

      @Override
      public void onCall(String callId, CentralSystemRequest<?> request) {
        throw new UnsupportedOperationException("call the part under test directly");
      }

      @Override
      public void onSecurityEvent(String type, String techInfo) {
        throw new UnsupportedOperationException("raise security events on the part under test directly");
      }

      @Override
      public void onTransactionsAsked(java.util.function.Consumer<java.util.List<dev.kilowatt.core.port.UnsettledTransaction>> answer) {
        throw new UnsupportedOperationException("ask the part under test directly");
      }

      @Override
      public void onChargingProfilesAsked(
          java.util.function.Consumer<java.util.List<dev.kilowatt.core.port.InstalledChargingProfile>> answer) {
        throw new UnsupportedOperationException("ask the part under test directly");
      }
    };
  }
}
