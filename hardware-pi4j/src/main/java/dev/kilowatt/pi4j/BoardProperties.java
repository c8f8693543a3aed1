package dev.kilowatt.pi4j;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to a board description file. Every error names the file and the key, because the person
 * reading it is editing that file; keys nobody asked for are rejected so that a typo cannot silently fall
 * back to a default.
 */
final class BoardProperties {

  private final Properties properties;
  private final String origin;
  private final Set<String> read = new HashSet<>();

  BoardProperties(Properties properties, String origin) {
    this.properties = properties;
    this.origin = origin;
  }

  IllegalArgumentException error(String key, String problem) {
    return new IllegalArgumentException(origin + ": " + key + ": " + problem);
  }

  /** Whether any key of a section is set: then the section is wanted, and its required keys must be there. */
  boolean hasSection(String prefix) {
    return properties.stringPropertyNames().stream().anyMatch(key -> key.startsWith(prefix));
  }

  Optional<String> text(String key) {
    read.add(key);
    return Optional.ofNullable(properties.getProperty(key)).map(String::trim).filter(value -> !value.isEmpty());
  }

  String requiredText(String key) {
    return text(key).orElseThrow(() -> error(key, "is required"));
  }

  Optional<Integer> integer(String key, int min, int max) {
    return text(key).map(value -> {
      int parsed;
      try {
        parsed = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw error(key, "expected a whole number, got '" + value + "'");
      }
      if (parsed < min || parsed > max) {
        throw error(key, "expected a number from " + min + " to " + max + ", got " + parsed);
      }
      return parsed;
    });
  }

  int requiredInteger(String key, int min, int max) {
    return integer(key, min, max).orElseThrow(() -> error(key, "is required"));
  }

  Optional<Double> decimal(String key) {
    return text(key).map(value -> {
      double parsed;
      try {
        parsed = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw error(key, "expected a number, got '" + value + "'");
      }
      if (!Double.isFinite(parsed)) {
        throw error(key, "expected a finite number, got '" + value + "'");
      }
      return parsed;
    });
  }

  double requiredDecimal(String key) {
    return decimal(key).orElseThrow(() -> error(key, "is required"));
  }

  Duration millis(String key, int defaultMillis, int min, int max) {
    return Duration.ofMillis(integer(key, min, max).orElse(defaultMillis));
  }

  Duration seconds(String key, int defaultSeconds, int min, int max) {
    return Duration.ofSeconds(integer(key, min, max).orElse(defaultSeconds));
  }

  DigitalState level(String key, DigitalState defaultLevel) {
    return text(key).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
      case "high" -> DigitalState.HIGH;
      case "low" -> DigitalState.LOW;
      default -> throw error(key, "expected high or low, got '" + value + "'");
    }).orElse(defaultLevel);
  }

  PullResistance pull(String key, PullResistance defaultPull) {
    return text(key).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
      case "up" -> PullResistance.PULL_UP;
      case "down" -> PullResistance.PULL_DOWN;
      case "off" -> PullResistance.OFF;
      default -> throw error(key, "expected up, down or off, got '" + value + "'");
    }).orElse(defaultPull);
  }

  boolean flag(String key, boolean defaultValue) {
    return text(key).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw error(key, "expected true or false, got '" + value + "'");
    }).orElse(defaultValue);
  }

  /** Fails on the first key (in alphabetical order) that no section read. */
  void rejectUnknownKeys() {
    Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      String key = unknown.iterator().next();
      throw error(key, "unknown key (misspelt, or a section this board does not have?)");
    }
  }
}
