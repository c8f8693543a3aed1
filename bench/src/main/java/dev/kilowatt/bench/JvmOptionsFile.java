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

  /**
   * The flags for the AOT cache next to the jar, made by the build's training run, on a JDK that has AOT
   * caches: none without one. {@code AOTMode=on} makes a cache the JVM cannot use (another JDK build, a
   * rebuilt or touched jar) stop the simulator at once, rather than have it measured without the cache.
   */
  static List<String> aotCacheOf(Path jar) {
    Path cache = jar.toAbsolutePath().resolveSibling("kilowatt.aot");
    return Runtime.version().feature() >= 24 && Files.isRegularFile(cache)
        ? List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache)
        : List.of();
  }
}
