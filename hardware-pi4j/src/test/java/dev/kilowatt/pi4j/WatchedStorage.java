package dev.kilowatt.pi4j;

import dev.kilowatt.core.port.Storage;
import dev.kilowatt.test.InMemoryStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Storage in memory that records every value saved, and can fail like an SD card gone read-only. */
final class WatchedStorage implements Storage {

  final List<Record> saved = new ArrayList<>();
  private final InMemoryStorage values = new InMemoryStorage();
  private boolean failing;

  /** Makes every call fail with an I/O error, as {@code FileStorage} reports one. */
  void failing(boolean failing) {
    this.failing = failing;
  }

  @Override
  public <T extends Record> Optional<T> load(String key, Class<T> type) {
    failIfFailing();
    return values.load(key, type);
  }

  @Override
  public void save(String key, Record value) {
    failIfFailing();
    values.save(key, value);
    saved.add(value);
  }

  @Override
  public void delete(String key) {
    failIfFailing();
    values.delete(key);
  }

  @Override
  public List<String> keys(String prefix) {
    failIfFailing();
    return values.keys(prefix);
  }

  private void failIfFailing() {
    if (failing) {
      throw new UncheckedIOException(new IOException("read-only file system"));
    }
  }
}
