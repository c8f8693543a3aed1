package dev.kilowatt.core;

import dev.kilowatt.core.port.Storage;
import dev.kilowatt.test.InMemoryStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * An in-memory storage that can fail on purpose: saves of one key fail as on a full disk, or the power
 * goes at a chosen save, which then never happens (the port's promise: the old value or the new one).
 */
public final class FaultyStorage implements Storage {

  /** The power went; nothing after it runs. An Error, so that no domain code mistakes it for a failed save. */
  public static final class PowerCut extends Error {
    public PowerCut() {
      super("power cut");
    }
  }

  private final InMemoryStorage values = new InMemoryStorage();
  private String failingKey;
  private int savesUntilPowerCut;
  private int saves;
  /** Cut and not yet back: what the stopping charge point still writes never reaches the medium. */
  private boolean off;

  /** Saves of {@code key} fail from now on (null: none fail). */
  public void failSavesOf(String key) {
    failingKey = key;
  }

  /** The power goes during the {@code n}th save from now (1 = the next one, 0 = never). */
  public void cutPowerAtSave(int n) {
    savesUntilPowerCut = n;
  }

  /** The power is back after a cut: the medium takes writes again, for the charge point that boots next. */
  public void powerBack() {
    off = false;
  }

  /** How many saves were asked for so far, including failed ones. */
  public int saves() {
    return saves;
  }

  @Override
  public <T extends Record> Optional<T> load(String key, Class<T> type) {
    return values.load(key, type);
  }

  @Override
  public void save(String key, Record value) {
    saves++;
    if (off) {
      return;
    }
    if (savesUntilPowerCut > 0 && --savesUntilPowerCut == 0) {
      off = true;
      throw new PowerCut();
    }
    if (key.equals(failingKey)) {
      throw new UncheckedIOException(new IOException("No space left on device"));
    }
    values.save(key, value);
  }

  @Override
  public void delete(String key) {
    if (off) {
      return;
    }
    values.delete(key);
  }

  @Override
  public List<String> keys(String prefix) {
    return values.keys(prefix);
  }
}
