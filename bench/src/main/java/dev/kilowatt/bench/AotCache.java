package dev.kilowatt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The AOT cache next to the simulator's jar, made by the build's training run, used as the launcher uses it:
 * only when {@code kilowatt.aot.jdk} beside it names this JVM's JDK build and the jar is not newer than the
 * cache. A cache of another JDK build would make the JVM either refuse to start ({@code AOTMode=on}) or
 * quietly run without it, and the figures would be of a set-up nobody runs.
 *
 * @param cache the cache to use, if it may be used
 * @param verdict why it is or is not used, for a benchmark's header
 */
record AotCache(Optional<Path> cache, String verdict) {

  private static AotCache no(String why) {
    return new AotCache(Optional.empty(), "AOT cache: not used, " + why);
  }

  /** What the launcher would decide for {@code jar} on this JVM; none at all unless {@code wanted} ({@code --no-aot}). */
  static AotCache of(Path jar, boolean wanted) {
    if (!wanted) {
      return no("--no-aot");
    }
    if (Runtime.version().feature() < 24) {
      return no("Java " + Runtime.version().feature() + " has none (24 or newer has)");
    }
    Path cache = jar.toAbsolutePath().resolveSibling("kilowatt.aot");
    Path recorded = jar.toAbsolutePath().resolveSibling("kilowatt.aot.jdk");
    if (!Files.isRegularFile(cache) || !Files.isRegularFile(recorded)) {
      return no("none next to the jar (the build makes it on JDK 24+)");
    }
    try {
      String madeBy = Files.readString(recorded).strip();
      if (!madeBy.equals(thisJdk())) {
        return no("made by " + madeBy + ", this is " + thisJdk());
      }
      if (Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(cache)) > 0) {
        return no("the jar is newer than the cache");
      }
    } catch (IOException e) {
      return no("unreadable: " + e.getMessage());
    }
    return new AotCache(Optional.of(cache), "AOT cache: " + cache);
  }

  /**
   * The JVM flags: none for a cache that may not be used. {@code AOTMode=on} makes a cache that passed the
   * checks and still cannot be mapped stop the simulator at once, rather than have it measured without it.
   */
  List<String> options() {
    return cache.map(path -> List.of("-XX:AOTMode=on", "-XX:AOTCache=" + path)).orElse(List.of());
  }

  /** The launcher's name for a JDK build: its real home and its runtime version, as in its release file. */
  static String thisJdk() {
    Path home = Path.of(System.getProperty("java.home"));
    try {
      home = home.toRealPath();
    } catch (IOException e) {
      // the path as given names it well enough
    }
    return home + " " + System.getProperty("java.runtime.version");
  }
}
