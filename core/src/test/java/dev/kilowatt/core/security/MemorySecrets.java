package dev.kilowatt.core.security;

import dev.kilowatt.core.port.Secret;
import dev.kilowatt.core.port.SecretStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A secret store in memory that a test can read and make refuse writes, as a full or broken secure element would. */
final class MemorySecrets implements SecretStore {

  final Map<String, Secret> secrets = new HashMap<>();
  boolean refuseWrites;

  @Override
  public Optional<Secret> read(String name) {
    return Optional.ofNullable(secrets.get(name));
  }

  @Override
  public void write(String name, Secret secret) {
    if (refuseWrites) {
      throw new UncheckedIOException(new IOException("the secure element refuses the write"));
    }
    secrets.put(name, secret);
  }

  @Override
  public void erase(String name) {
    secrets.remove(name);
  }

  /** The secret under {@code name} as text, or empty. */
  Optional<String> text(String name) {
    return read(name).map(s -> new String(s.bytes(), java.nio.charset.StandardCharsets.UTF_8));
  }
}
