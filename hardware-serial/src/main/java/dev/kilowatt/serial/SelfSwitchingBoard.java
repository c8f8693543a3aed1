package dev.kilowatt.serial;

import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.Relay;
import java.util.Objects;

/**
 * An EVSE controller board that generates the pilot and switches the contactor itself: the domain's wishes
 * become a {@link PilotDemand} its device loop carries out, and its relay port only keeps the domain
 * company.
 */
abstract class SelfSwitchingBoard implements ControlPilot, AutoCloseable {

  private final Relay relay;
  volatile Listener listener;
  volatile PilotDemand demand;

  SelfSwitchingBoard(String boardName) {
    this.relay = new BoardRelay(boardName);
  }

  /** The loop that talks to the board. */
  abstract DeviceLoop loop();

  @Override
  public void start(Listener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    loop().start(listener);
  }

  @Override
  public void offer(double amperes) {
    demand(PilotDemand.offer(amperes));
  }

  @Override
  public void stopOffering() {
    demand(new PilotDemand.Pause());
  }

  @Override
  public void disable() {
    demand(new PilotDemand.Unavailable());
  }

  /** The relay port of this board; its commands are no-ops because the board switches its own relay. */
  public Relay relay() {
    return relay;
  }

  /** Stops talking to the board and releases the port. */
  @Override
  public void close() {
    loop().stop();
  }

  private void demand(PilotDemand next) {
    demand = next;
    loop().wakeUp();
  }
}
