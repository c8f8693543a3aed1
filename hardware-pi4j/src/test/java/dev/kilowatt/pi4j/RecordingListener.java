package dev.kilowatt.pi4j;

import dev.kilowatt.core.port.ConnectorLock;
import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Relay;
import dev.kilowatt.core.port.RfidReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Records what any adapter reports, and which faults are active per source. */
final class RecordingListener
    implements ControlPilot.Listener, Relay.Listener, RfidReader.Listener, EnergyMeter.Listener, ConnectorLock.Listener {

  final List<PilotState> states = new ArrayList<>();
  final List<Boolean> feedback = new ArrayList<>();
  final List<String> cards = new ArrayList<>();
  final List<MeterReading> readings = new ArrayList<>();
  final List<String> faultEvents = new ArrayList<>();
  final List<Boolean> lockFeedback = new ArrayList<>();
  private final Map<String, HardwareFault> activeFaults = new TreeMap<>();

  @Override
  public void onStateChanged(PilotState state) {
    states.add(state);
  }

  @Override
  public void onFeedback(boolean closed) {
    feedback.add(closed);
  }

  @Override
  public void onLockChanged(boolean locked) {
    lockFeedback.add(locked);
  }

  @Override
  public void onCardPresented(String idTag) {
    cards.add(idTag);
  }

  @Override
  public void onReading(MeterReading reading) {
    readings.add(reading);
  }

  @Override
  public void onFault(HardwareFault fault) {
    activeFaults.put(fault.source(), fault);
    faultEvents.add(fault.source() + ":" + fault.vendorErrorCode());
  }

  @Override
  public void onFaultCleared(String source) {
    activeFaults.remove(source);
    faultEvents.add(source + ":cleared");
  }

  Optional<HardwareFault> fault(String source) {
    return Optional.ofNullable(activeFaults.get(source));
  }

  Optional<PilotState> lastState() {
    return states.isEmpty() ? Optional.empty() : Optional.of(states.getLast());
  }

  MeterReading lastReading() {
    return readings.getLast();
  }
}
