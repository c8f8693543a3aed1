package dev.kilowatt.core.configuration;

import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Secret;
import dev.kilowatt.core.port.SecretStore;
import dev.kilowatt.core.port.Storage;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The secret store of an embedder that gave none: each secret a value of its own in {@link Storage},
 * under {@code secrets/}, so that it is at least never part of the settings file (the file storage keeps
 * every value owner-only). A board that can keep secrets better hands the builder its own store.
 *
 * <p>The charge point changes secrets with the calls that tell an outcome, on the loop: they save with
 * {@link Storage#save(String, Record, Consumer)}, so on the charge point's write-behind the outcome comes once the
 * secret is durable. A change the storage refuses or fails is taken back (the write-behind would otherwise write it
 * once the fault clears): the secret last known durable is saved again, so the old secret stays in force, as the
 * port promises. The synchronous {@link #write(String, Secret)} and {@link #erase(String)} save as
 * {@link Storage#save(String, Record)} and {@link Storage#delete} do, durable later on the write-behind.
 */
public final class StoredSecrets implements SecretStore {

  private static final String PREFIX = "secrets/";
  private static final Saved ERASED = new Saved("");

  /**
   * The persisted form: the secret's bytes in Base64, since values are JSON.
   *
   * @param base64 the secret's bytes, Base64-encoded; an empty one reads as no secret
   */
  public record Saved(String base64) {}

  private final Storage storage;
  /** By storage key, the value last reported durable, for the secrets changed since start: what a refused change puts back. */
  private final Map<String, Saved> durable = new HashMap<>();

  /**
   * Secrets on {@code storage}, each under a key of its own, apart from the settings.
   *
   * @param storage the charge point's storage, which keeps them under {@code secrets/}
   */
  public StoredSecrets(Storage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<Secret> read(String name) {
    return storage.load(PREFIX + name, Saved.class).map(saved -> Base64.getDecoder().decode(saved.base64()))
        .filter(bytes -> bytes.length > 0).map(Secret::of);
  }

  @Override
  public void write(String name, Secret secret) {
    storage.save(PREFIX + name, saved(secret));
  }

  @Override
  public void erase(String name) {
    storage.delete(PREFIX + name);
  }

  /** Saves the secret; {@code whenDone} runs on the loop once it is durable or, taken back, failed. */
  @Override
  public void write(String name, Secret secret, Consumer<Journal.Outcome> whenDone) {
    change(PREFIX + name, saved(secret), whenDone);
  }

  /**
   * Saves the secret as empty, which reads as none, and deletes its key once that is durable and no later change
   * of it waits: the delete only tidies, since the storage tells no outcome of a delete. {@code whenDone} runs as
   * for a write.
   */
  @Override
  public void erase(String name, Consumer<Journal.Outcome> whenDone) {
    String key = PREFIX + name;
    change(key, ERASED, outcome -> {
      if (outcome instanceof Journal.Outcome.Durable && storage.load(key, Saved.class).filter(ERASED::equals).isPresent()) {
        storage.delete(key);
      }
      whenDone.accept(outcome);
    });
  }

  @Override
  public String toString() {
    return "StoredSecrets[" + PREFIX + "]";
  }

  private void change(String key, Saved value, Consumer<Journal.Outcome> whenDone) {
    durable.computeIfAbsent(key, k -> storage.load(k, Saved.class).orElse(ERASED));
    storage.save(key, value, outcome -> {
      if (outcome instanceof Journal.Outcome.Durable) {
        durable.put(key, value);
      } else {
        storage.save(key, durable.get(key));
      }
      whenDone.accept(outcome);
    });
  }

  private static Saved saved(Secret secret) {
    return new Saved(Base64.getEncoder().encodeToString(secret.bytes()));
  }
}
