package dev.kilowatt.serial;

import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.Relay;

/**
 * An EVSE controller board that generates the pilot and switches the contactor itself: the domain's wishes
 * become a {@link PilotDemand} its device loop carries out, and its relay port only keeps the domain
 * company.
 */
abstract class SelfSwitchingBoard extends SerialDevice<ControlPilot.Listener> implements ControlPilot {

  private final Relay relay;
  volatile PilotDemand demand;

  SelfSwitchingBoard(String boardName) {
    this.relay = new BoardRelay(boardName);
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

  /** {@return the relay port of this board; its commands are no-ops because the board switches its own relay} */
  public Relay relay() {
    return relay;
  }

  private void demand(PilotDemand next) {
    demand = next;
    loop().wakeUp();
  }
}
