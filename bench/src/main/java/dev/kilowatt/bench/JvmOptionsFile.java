package dev.kilowatt.bench;

import java.util.List;

/**
 * The format of {@code kilowatt.jvm.options}, the embedded JVM profile: one JVM option a line, blank lines
 * and {@code #} comments ignored, as the launcher reads it.
 */
final class JvmOptionsFile {

  static final String NAME = "kilowatt.jvm.options";

  private JvmOptionsFile() {
  }

  static List<String> parse(String text) {
    return text.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }
}
