package dev.kilowatt.sim;

import dev.kilowatt.core.port.ConnectorLock;
import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.PhaseSwitch;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Relay;
import dev.kilowatt.core.port.RfidReader;
import java.util.ArrayList;
import java.util.List;

/** Records what the simulated hardware reports, as the charge point's listeners would receive it. */
final class Recorder implements Relay.Listener, ControlPilot.Listener, EnergyMeter.Listener, RfidReader.Listener,
    ConnectorLock.Listener, PhaseSwitch.Listener {

  final List<Boolean> feedback = new ArrayList<>();
  final List<PilotState> states = new ArrayList<>();
  final List<MeterReading> readings = new ArrayList<>();
  final List<String> cards = new ArrayList<>();
  final List<HardwareFault> faults = new ArrayList<>();
  final List<String> cleared = new ArrayList<>();
  final List<Boolean> lockFeedback = new ArrayList<>();
  final List<Integer> phaseSwitches = new ArrayList<>();

  @Override
  public synchronized void onLockChanged(boolean locked) {
    lockFeedback.add(locked);
  }

  @Override
  public synchronized void onPhasesSwitched(int phases) {
    phaseSwitches.add(phases);
  }

  @Override
  public synchronized void onFeedback(boolean closed) {
    feedback.add(closed);
  }

  @Override
  public synchronized void onStateChanged(PilotState state) {
    states.add(state);
  }

  @Override
  public synchronized void onReading(MeterReading reading) {
    readings.add(reading);
  }

  @Override
  public synchronized void onCardPresented(String idTag) {
    cards.add(idTag);
  }

  @Override
  public synchronized void onFault(HardwareFault fault) {
    faults.add(fault);
  }

  @Override
  public synchronized void onFaultCleared(String source) {
    cleared.add(source);
  }

  synchronized MeterReading lastReading() {
    return readings.getLast();
  }
}
