package dev.kilowatt.core.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Normalisation shared by the compact constructors of the message records. */
final class Fields {

  private Fields() {
  }

  /** Rejects a missing required component, naming it in the exception. */
  static <T> T required(T value, String name) {
    return Objects.requireNonNull(value, name);
  }

  /** Treats a null optional component (as a deserializer may pass) as absent. */
  static <T> Optional<T> opt(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  /** Treats a null list component as empty and takes an immutable copy of any other. */
  static <T> List<T> list(List<T> value) {
    return value == null ? List.of() : List.copyOf(value);
  }
}
