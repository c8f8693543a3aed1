package dev.kilowatt.core.connector;

import dev.kilowatt.core.ConnectorHardware;

/**
 * What a connector's pilot, relay and phase switch were last told, so that a command goes out only when it
 * changes something. {@link Connector} decides what they must do; this only sends it.
 */
final class EnergyControl {

  private enum Command { OFFER, STOP_OFFERING, DISABLE }

  private final ConnectorHardware hardware;
  private Command lastPilotCommand;
  private double lastOfferA = -1;
  private Boolean relayClosed;
  /** Where the phase switch was last sent; 0 until the first command, as its position at boot is not known. */
  private int switchedPhases;

  EnergyControl(ConnectorHardware hardware) {
    this.hardware = hardware;
  }

  /** What the pilot signals now, in A; 0 when it offers nothing. */
  double pilotOfferA() {
    return lastPilotCommand == Command.OFFER ? lastOfferA : 0;
  }

  /** Sends the phase switch, if there is one, to {@code phases}, with the relay open and no offer first. */
  void switchPhases(int phases) {
    if (hardware.phaseSwitch().isEmpty() || phases == switchedPhases) {
      return;
    }
    if (!Boolean.FALSE.equals(relayClosed)) {
      hardware.relay().open();
      relayClosed = false;
    }
    if (lastPilotCommand == Command.OFFER) {
      pilotCommand(Command.STOP_OFFERING, 0);
    }
    hardware.phaseSwitch().get().switchTo(phases);
    switchedPhases = phases;
  }

  /** Opens the relay if it must open, then sets the pilot, then closes the relay if it must close. */
  void apply(double offerA, boolean closeRelay, boolean disable) {
    if (!closeRelay && !Boolean.FALSE.equals(relayClosed)) {
      hardware.relay().open();
      relayClosed = false;
    }
    if (disable) {
      pilotCommand(Command.DISABLE, 0);
    } else if (offerA > 0) {
      pilotCommand(Command.OFFER, offerA);
    } else {
      pilotCommand(Command.STOP_OFFERING, 0);
    }
    if (closeRelay && !Boolean.TRUE.equals(relayClosed)) {
      hardware.relay().close();
      relayClosed = true;
    }
  }

  private void pilotCommand(Command command, double amperes) {
    if (command == lastPilotCommand && (command != Command.OFFER || amperes == lastOfferA)) {
      return;
    }
    switch (command) {
      case OFFER -> hardware.pilot().offer(amperes);
      case STOP_OFFERING -> hardware.pilot().stopOffering();
      case DISABLE -> hardware.pilot().disable();
    }
    lastPilotCommand = command;
    lastOfferA = amperes;
  }
}
