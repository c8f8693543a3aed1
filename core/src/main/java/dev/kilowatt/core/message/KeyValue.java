package dev.kilowatt.core.message;

import java.util.Optional;

/** One configuration key, its read-only flag and its value, as reported by GetConfiguration. */
public record KeyValue(String key, boolean readonly, Optional<String> value) {

  public KeyValue {
    Fields.required(key, "key");
    value = Fields.opt(value);
  }
}
