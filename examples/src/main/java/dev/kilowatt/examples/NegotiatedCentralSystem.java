package dev.kilowatt.examples;

import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.ocpp201.Ocpp201CentralSystem;
import java.util.Objects;

/**
 * A charger that speaks OCPP 2.0.1 and 1.6 to a central system that chooses (the simulator's {@code --protocol
 * auto}): the 2.0.1 adapter connects first, offering {@code ocpp2.0.1} and then {@code ocpp1.6}; a central system
 * that chooses ocpp2.0.1 is spoken to over it, and one that chooses ocpp1.6 gets the 1.6 adapter instead, which
 * connects again offering ocpp1.6, from then on until the charger stops. The core hears one connection either way.
 * The adapters do not know each other (the ArchitectureTest), so the choice is made here, in the wiring.
 */
final class NegotiatedCentralSystem implements CentralSystem {

  private final CentralSystem ocpp16;
  private CentralSystem current;
  private ConnectionSettings settings;
  private Listener listener;
  private boolean stopped;

  /**
   * A link that starts on {@code ocpp201} and hands over to {@code ocpp16} if the central system chooses 1.6.
   *
   * @param ocpp201 the 2.0.1 adapter, not connected yet
   * @param ocpp16 the 1.6 adapter, not connected yet
   */
  NegotiatedCentralSystem(Ocpp201CentralSystem ocpp201, CentralSystem ocpp16) {
    this.ocpp16 = Objects.requireNonNull(ocpp16, "ocpp16");
    this.current = ocpp201;
    ocpp201.whenCsmsChooses16(this::chose16);
  }

  @Override
  public void connect(ConnectionSettings settings, Listener listener) {
    CentralSystem link;
    synchronized (this) {
      this.settings = settings;
      this.listener = listener;
      stopped = false;
      link = current;
    }
    link.connect(settings, listener);
  }

  @Override
  public void reconfigure(ConnectionSettings settings) {
    CentralSystem link;
    synchronized (this) {
      this.settings = settings;
      link = current;
    }
    link.reconfigure(settings);
  }

  @Override
  public void disconnect() {
    CentralSystem link;
    synchronized (this) {
      stopped = true;
      link = current;
    }
    link.disconnect();
  }

  @Override
  public void send(String callId, ChargePointRequest<?> request) {
    current().send(callId, request);
  }

  @Override
  public void reply(String callId, Response response) {
    current().reply(callId, response);
  }

  @Override
  public void replyError(String callId, CallError error) {
    current().replyError(callId, error);
  }

  private synchronized CentralSystem current() {
    return current;
  }

  /** The central system chose ocpp1.6: the 2.0.1 adapter has stopped connecting, and the 1.6 one takes over. */
  private void chose16() {
    synchronized (this) {
      if (stopped || current == ocpp16) {
        return;
      }
      current = ocpp16;
    }
    ocpp16.connect(settings, listener);
  }
}
