package dev.kilowatt.core.configuration;

import dev.kilowatt.core.internal.ConfigKey;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Secret;
import dev.kilowatt.core.port.SecretStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/** The values of write-only keys in the secret store, under names of their own so no other secret is touched. */
final class ConfigSecrets {

  private final SecretStore store;

  ConfigSecrets(SecretStore store) {
    this.store = store;
  }

  /** {@return the value kept for the key {@code name}, if one is; read at start} */
  Optional<String> read(String name) {
    return store.read(secretName(name)).map(secret -> new String(secret.bytes(), StandardCharsets.UTF_8));
  }

  /** Keeps {@code value} for the key {@code name}, an empty value as none; {@code whenDone} hears the store's outcome. */
  void write(String name, String value, Consumer<Journal.Outcome> whenDone) {
    if (value.isEmpty()) {
      store.erase(secretName(name), whenDone);
    } else {
      store.write(secretName(name), Secret.of(value.getBytes(StandardCharsets.UTF_8)), whenDone);
    }
  }

  /** {@return {@code value} as a log line or a complaint may show it: a secret's never} */
  static String shown(ConfigKey key, String value) {
    return key.access() == ConfigKey.Access.WRITE_ONLY ? "***" : value;
  }

  private static String secretName(String key) {
    return "configuration/" + key;
  }
}
