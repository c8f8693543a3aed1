package dev.kilowatt.test;

import dev.kilowatt.core.port.Storage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * A {@link Storage} in memory, for tests and simulations: keep one instance across a simulated reboot and
 * the domain finds its state again, as it would in the data directory. Values are kept as given (the
 * domain's records are immutable). Keys follow the file storage's rules (1 to 200 of
 * {@code [A-Za-z0-9._/-]}, not starting with {@code /}, without {@code ..}) so that a key the real board
 * would refuse already fails in a test. Safe for use from any thread.
 */
public final class InMemoryStorage implements Storage {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._/-]{1,200}");

  private final ConcurrentNavigableMap<String, Record> values = new ConcurrentSkipListMap<>();

  /** An empty storage, as a charger's first start finds it. */
  public InMemoryStorage() {}

  /** {@inheritDoc} A value saved as another type is reported as absent, as a file store would. */
  @Override
  public <T extends Record> Optional<T> load(String key, Class<T> type) {
    Record value = values.get(checked(key));
    return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  @Override
  public void save(String key, Record value) {
    values.put(checked(key), Objects.requireNonNull(value, "value"));
  }

  @Override
  public void delete(String key) {
    values.remove(checked(key));
  }

  @Override
  public List<String> keys(String prefix) {
    return values.tailMap(prefix).keySet().stream().takeWhile(key -> key.startsWith(prefix)).toList();
  }

  private static String checked(String key) {
    Objects.requireNonNull(key, "key");
    if (!KEY.matcher(key).matches() || key.startsWith("/") || key.contains("..")) {
      throw new IllegalArgumentException("not a storage key: \"" + key + "\"");
    }
    return key;
  }
}
