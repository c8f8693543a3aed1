package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * One configuration key, its read-only flag and its value, as reported by GetConfiguration.
 *
 * @param key the configuration key's name
 * @param readonly whether the Central System may not change the key
 * @param value the key's value; absent when the key is known but not set
 */
public record KeyValue(String key, boolean readonly, Optional<String> value) {

  /** Rejects a null {@code key}; a null optional component reads as absent. */
  public KeyValue {
    Fields.required(key, "key");
    value = Fields.opt(value);
  }
}
