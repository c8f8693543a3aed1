package dev.kilowatt.core.configuration;

import dev.kilowatt.core.port.Secret;
import dev.kilowatt.core.port.SecretStore;
import dev.kilowatt.core.port.Storage;
import java.util.Base64;
import java.util.Optional;

/**
 * The secret store of an embedder that gave none: each secret a value of its own in {@link Storage},
 * under {@code secrets/}, so that it is at least never part of the settings file (the file storage keeps
 * every value owner-only). A board that can keep secrets better hands the builder its own store.
 */
public final class StoredSecrets implements SecretStore {

  private static final String PREFIX = "secrets/";

  /**
   * The persisted form: the secret's bytes in Base64, since values are JSON.
   *
   * @param base64 the secret's bytes, Base64-encoded; an empty one reads as no secret
   */
  public record Saved(String base64) {}

  private final Storage storage;

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
    storage.save(PREFIX + name, new Saved(Base64.getEncoder().encodeToString(secret.bytes())));
  }

  @Override
  public void erase(String name) {
    storage.delete(PREFIX + name);
  }

  @Override
  public String toString() {
    return "StoredSecrets[" + PREFIX + "]";
  }
}
