package dev.kilowatt.core.configuration;

import dev.kilowatt.core.internal.ConfigKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The embedder's factory values, and what is wrong with them, found as the keys are defined. */
final class FactoryValues {

  private final Map<String, String> overrides = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final List<String> problems = new ArrayList<>();

  FactoryValues(Map<String, String> embedderDefaults) {
    embedderDefaults.forEach((name, value) -> {
      if (overrides.putIfAbsent(name, value) != null) {
        problems.add(name + ": given twice, in different case");
      }
    });
  }

  /** Notes what is wrong with the factory value of {@code key}, if it has one. */
  void check(ConfigKey key) {
    String value = overrides.get(key.name());
    if (value == null) {
      return;
    }
    if (key.access() == ConfigKey.Access.DERIVED) {
      problems.add(key.name() + "=" + value + ": read-only, derived from how the charge point is built");
      return;
    }
    key.type().problem(value).ifPresent(why -> problems.add(key.name() + "=" + ConfigSecrets.shown(key, value) + ": " + why));
  }

  /** Fails naming each bad factory value and each one given for no key that {@code defines}. */
  void verify(Predicate<String> defines) {
    List<String> all = new ArrayList<>(problems);
    overrides.keySet().stream().filter(defines.negate()).forEach(name -> all.add(name + ": no such configuration key"));
    if (!all.isEmpty()) {
      throw new IllegalArgumentException("factory configuration: " + String.join("; ", all));
    }
  }

  /** {@return the embedder's default where it gave a valid one, else the key's own} */
  String defaultOf(ConfigKey key) {
    String embedder = overrides.get(key.name());
    return embedder != null && key.type().problem(embedder).isEmpty() ? key.type().normalise(embedder) : key.defaultValue();
  }
}
