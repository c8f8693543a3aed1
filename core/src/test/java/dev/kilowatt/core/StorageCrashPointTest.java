package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.test.InMemoryStorage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The power goes after each write the write-behind makes, in turn: a charger booted on what the medium holds then
 * boots, every setting holds its old value or one the central system sent, and every change answered Accepted
 * before the cut is in force.
 */
class StorageCrashPointTest {

  /** A medium that keeps a copy of all it holds after each write: what a cut just after that write leaves. */
  static final class Snapshots implements Storage {
    final InMemoryStorage values = new InMemoryStorage();
    final List<Map<String, Record>> afterWrite = new ArrayList<>();

    @Override
    public <T extends Record> Optional<T> load(String key, Class<T> type) {
      return values.load(key, type);
    }

    @Override
    public void save(String key, Record value) {
      values.save(key, value);
      snapshot();
    }

    @Override
    public void delete(String key) {
      values.delete(key);
      snapshot();
    }

    @Override
    public List<String> keys(String prefix) {
      return values.keys(prefix);
    }

    private void snapshot() {
      Map<String, Record> copy = new LinkedHashMap<>();
      values.keys("").forEach(key -> copy.put(key, values.load(key, Record.class).orElseThrow()));
      afterWrite.add(copy);
    }
  }

  /** A change put in force after its answer, and how many writes the medium had completed then. */
  private record InForce(String key, String value, int writes) {}

  private static final List<String> KEYS = List.of("MeterValueSampleInterval", "ConnectionTimeOut", "ClockAlignedDataInterval");

  @Test
  void whatTheMediumHoldsAfterEachWriteIsAStateTheChargerWasIn() {
    Snapshots medium = new Snapshots();
    List<InForce> inForce = new ArrayList<>();
    Harness h = new Harness(1, medium).customize(b -> KEYS.forEach(key ->
        b.onConfigurationChange(key, value -> inForce.add(new InForce(key, value, medium.afterWrite.size()))))).online();
    Map<String, List<String>> possible = new LinkedHashMap<>();
    KEYS.forEach(key -> possible.put(key, new ArrayList<>(List.of(StorageOffTheLoopTest.value(h, key).orElseThrow()))));
    List<String[]> changes = List.of(new String[] {"MeterValueSampleInterval", "30"}, new String[] {"ConnectionTimeOut", "75"},
        new String[] {"MeterValueSampleInterval", "45"}, new String[] {"ClockAlignedDataInterval", "900"},
        new String[] {"ConnectionTimeOut", "90"});
    List<String> ids = new ArrayList<>();
    for (String[] change : changes) {
      possible.get(change[0]).add(change[1]);
      ids.add(h.cs.call(new ChangeConfigurationRequest(change[0], change[1])));
      h.card("CARD-" + change[1]);
      h.ev(PilotState.B);
      h.ev(PilotState.A);
    }
    h.run();
    ids.forEach(id -> assertEquals(Optional.of(new ChangeConfigurationResponse(ConfigurationStatus.ACCEPTED)), h.cs.replyTo(id)));
    assertEquals(changes.size(), inForce.size());
    assertTrue(medium.afterWrite.size() > changes.size(), "the settings, the authorization cache and the rest were written");

    for (int k = 1; k <= medium.afterWrite.size(); k++) {
      InMemoryStorage cut = new InMemoryStorage();
      medium.afterWrite.get(k - 1).forEach(cut::save);
      Harness after = new Harness(1, cut).online();
      assertEquals(ChargePointStatus.AVAILABLE, after.status(), "boots after write " + k);
      for (String key : KEYS) {
        List<String> values = possible.get(key);
        String now = StorageOffTheLoopTest.value(after, key).orElseThrow();
        assertTrue(values.contains(now), key + "=" + now + " after write " + k);
        int held = k;
        inForce.stream().filter(c -> c.key().equals(key) && c.writes() <= held).reduce((a, b) -> b).ifPresent(last ->
            assertTrue(values.indexOf(now) >= values.indexOf(last.value()), key + "=" + now + " after write " + held
                + ", though " + last + " was answered Accepted by then"));
      }
    }
  }
}
