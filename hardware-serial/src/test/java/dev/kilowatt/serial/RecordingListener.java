package dev.kilowatt.serial;

import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.RfidReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what an adapter reports, from whatever thread it reports on. */
final class RecordingListener implements EnergyMeter.Listener, ControlPilot.Listener, RfidReader.Listener {

  /** Every report in order: MeterReading, PilotState, Card, HardwareFault or Cleared. */
  final List<Object> events = new CopyOnWriteArrayList<>();

  record Card(String idTag) {}

  record Cleared(String source) {}

  @Override
  public void onReading(MeterReading reading) {
    events.add(reading);
  }

  @Override
  public void onStateChanged(PilotState state) {
    events.add(state);
  }

  @Override
  public void onCardPresented(String idTag) {
    events.add(new Card(idTag));
  }

  @Override
  public void onFault(HardwareFault fault) {
    events.add(fault);
  }

  @Override
  public void onFaultCleared(String source) {
    events.add(new Cleared(source));
  }

  <T> List<T> all(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<MeterReading> readings() {
    return all(MeterReading.class);
  }

  List<PilotState> states() {
    return all(PilotState.class);
  }

  List<String> cards() {
    return all(Card.class).stream().map(Card::idTag).toList();
  }

  List<HardwareFault> faults() {
    return all(HardwareFault.class);
  }

  List<String> cleared() {
    return all(Cleared.class).stream().map(Cleared::source).toList();
  }

  boolean hasFault(String source) {
    return faults().stream().anyMatch(f -> f.source().equals(source));
  }

  /** Waits until the fault from {@code source} is cleared; returns where the clearing stands in {@link #events}. */
  int awaitCleared(String source) {
    Await.until(() -> cleared().contains(source), "the fault from " + source + " to clear");
    return events.indexOf(new Cleared(source));
  }

  /** Reports after the first {@code index} ones. */
  List<Object> since(int index) {
    return events.subList(index, events.size());
  }
}
