package dev.kilowatt.ocpp201;

import dev.kilowatt.core.port.Storage;
import dev.kilowatt.ocpp201.OwnVariables.Own;
import dev.kilowatt.ocpp201.OwnVariables.Source;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values of the device model's variables that the adapter keeps itself ({@link Source.Stored}), one small
 * record each through the core's Storage port, so that a value the CSMS set survives a restart. A variable
 * never set has its initial value and nothing stored. Read on the event loop; a value is saved before the
 * SetVariables that wrote it is answered Accepted, as the sequence numbers are ({@link SequenceNumbers}).
 */
final class StoredVariables {

  private static final String PREFIX = "ocpp201/variable/";

  /** One stored value. */
  record Value(String value) {
  }

  private final Storage storage;
  /** What was read or written already, by storage key: the storage is read once per variable. */
  private final Map<String, String> known = new HashMap<>();

  StoredVariables(Storage storage) {
    this.storage = storage;
  }

  /** {@return the value of {@code own}, a stored variable: the one last written, else its initial value} */
  synchronized String value(Own own) {
    String initial = ((Source.Stored) own.source()).initial();
    return known.computeIfAbsent(key(own), key -> storage.load(key, Value.class).map(Value::value).orElse(initial));
  }

  /**
   * Writes {@code value} to {@code own}, a stored variable, if its kind takes it.
   *
   * @return whether it was written: false for a value out of range or not of the variable's type, or one the
   *     storage refused
   */
  synchronized boolean write(Own own, String value) {
    if (!own.kind().accepts(value)) {
      return false;
    }
    try {
      storage.save(key(own), new Value(value));
    } catch (RuntimeException e) {
      return false;
    }
    known.put(key(own), value);
    return true;
  }

  /** {@return the integer value of the stored variable {@code variable} of OCPPCommCtrlr, if it is one} */
  Optional<Integer> commInteger(String variable) {
    return OwnVariables.TABLE.stream()
        .filter(own -> own.component().equals("OCPPCommCtrlr") && own.variable().equals(variable))
        .findFirst().map(this::value).map(Integer::parseInt);
  }

  /** Storage keys are letters, digits and {@code ._/-}: component, variable and instance joined by dots. */
  private static String key(Own own) {
    return PREFIX + own.component() + "." + own.variable() + own.instance().map(i -> "." + i).orElse("");
  }
}
