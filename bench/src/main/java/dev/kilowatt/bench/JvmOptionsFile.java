package dev.kilowatt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * The embedded profile of the simulator {@code jar} as the launcher reads it: the file next to the jar, or
   * in the source tree before the build copies it there; none without either.
   */
  static List<String> profileOf(Path jar) {
    Path nextToJar = jar.toAbsolutePath().resolveSibling(NAME);
    Path inSources = Path.of("examples/src/main/dist", NAME);
    for (Path candidate : List.of(nextToJar, inSources)) {
      if (Files.isRegularFile(candidate)) {
        try {
          return parse(Files.readString(candidate));
        } catch (IOException e) {
          throw new UncheckedIOException("unreadable " + candidate, e);
        }
      }
    }
    return List.of();
  }
}
