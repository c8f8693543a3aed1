package dev.kilowatt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark's command line.
 *
 * @param rounds interleaved rounds; each figure is the median over them
 * @param jar the packaged simulator
 * @param jvmOptions the simulator's JVM flags, when given with {@code --jvm-opts}; else those of the profile
 * @param aot whether to use the AOT cache next to the jar when there is one
 * @param calls GetConfiguration calls, and as many ChangeConfiguration calls, per round
 * @param sessions remote-started sessions per round
 * @param flood calls sent with {@link #IN_FLIGHT} in flight
 * @param echoDir the folder of the Node echo floor
 */
record BenchOptions(int rounds, Path jar, Optional<List<String>> jvmOptions, boolean aot, int calls, int sessions,
    int flood, Path echoDir) {

  static final int IN_FLIGHT = 50;

  static final String USAGE = """
      usage: java -jar bench/target/kilowatt-benchmarks.jar [options]   (from the repository root)
        --rounds N        interleaved rounds, median reported (default 5)
        --jar PATH        the simulator jar (default examples/target/kilowatt-simulator.jar)
        --jvm-opts "..."  the simulator's JVM flags instead of those in kilowatt.jvm.options
        --no-aot          do not use the AOT cache kilowatt.aot next to the jar
        --calls N         GetConfiguration and ChangeConfiguration calls per round (default 1000 each)
        --sessions N      RemoteStart/RemoteStop sessions per round (default 20)
        --flood N         calls of the flood with 50 in flight (default 20000)
        --echo-dir PATH   the Node ws echo floor (default bench/node)""";

  static BenchOptions parse(String... args) {
    int rounds = 5;
    Path jar = Path.of("examples/target/kilowatt-simulator.jar");
    Optional<List<String>> jvmOptions = Optional.empty();
    boolean aot = true;
    int calls = 1000;
    int sessions = 20;
    int flood = 20_000;
    Path echoDir = Path.of("bench/node");
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--no-aot")) {
        aot = false;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value, or is unknown");
      }
      String value = args[++i];
      switch (option) {
        case "--rounds" -> rounds = positive(option, value);
        case "--jar" -> jar = Path.of(value);
        case "--jvm-opts" -> jvmOptions = Optional.of(split(value));
        case "--calls" -> calls = positive(option, value);
        case "--sessions" -> sessions = positive(option, value);
        case "--flood" -> flood = positive(option, value);
        case "--echo-dir" -> echoDir = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return new BenchOptions(rounds, jar, jvmOptions, aot, calls, sessions, flood, echoDir);
  }

  /**
   * The simulator's JVM flags: {@code --jvm-opts} when given, else the embedded profile as the launcher reads
   * it (next to the jar, or in the source tree before it is copied there), else none.
   */
  List<String> simulatorJvmOptions() {
    if (jvmOptions.isPresent()) {
      return jvmOptions.get();
    }
    Path nextToJar = jar.toAbsolutePath().resolveSibling(JvmOptionsFile.NAME);
    Path inSources = Path.of("examples/src/main/dist", JvmOptionsFile.NAME);
    for (Path candidate : List.of(nextToJar, inSources)) {
      if (Files.isRegularFile(candidate)) {
        try {
          return JvmOptionsFile.parse(Files.readString(candidate));
        } catch (IOException e) {
          throw new UncheckedIOException("unreadable " + candidate, e);
        }
      }
    }
    return List.of();
  }

  /**
   * The flags for the AOT cache next to the jar, made by the build's training run, used as the launcher
   * uses it: only when {@code kilowatt.aot.jdk} beside it names this JVM's JDK build and the jar is not
   * newer than the cache. A cache of another JDK build would make the JVM either refuse to start
   * ({@code AOTMode=on}) or quietly run without it, and the figures would be of a set-up nobody runs.
   * {@code AOTMode=on} stays, so a cache that passes these checks and still cannot be mapped stops the
   * simulator at once rather than have it measured without the cache.
   */
  List<String> aotOptions() {
    return aotCheck().cache().map(cache -> List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache)).orElse(List.of());
  }

  /** Why the AOT cache is or is not used, for the benchmark's header. */
  String aotVerdict() {
    return aotCheck().verdict();
  }

  private record AotCheck(Optional<Path> cache, String verdict) {
    static AotCheck no(String why) {
      return new AotCheck(Optional.empty(), "AOT cache: not used, " + why);
    }
  }

  private AotCheck aotCheck() {
    if (!aot) {
      return AotCheck.no("--no-aot");
    }
    if (Runtime.version().feature() < 24) {
      return AotCheck.no("Java " + Runtime.version().feature() + " has none (24 or newer has)");
    }
    Path cache = jar.toAbsolutePath().resolveSibling("kilowatt.aot");
    Path recorded = jar.toAbsolutePath().resolveSibling("kilowatt.aot.jdk");
    if (!Files.isRegularFile(cache) || !Files.isRegularFile(recorded)) {
      return AotCheck.no("none next to the jar (the build makes it on JDK 24+)");
    }
    try {
      String madeBy = Files.readString(recorded).strip();
      if (!madeBy.equals(thisJdk())) {
        return AotCheck.no("made by " + madeBy + ", this is " + thisJdk());
      }
      if (Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(cache)) > 0) {
        return AotCheck.no("the jar is newer than the cache");
      }
    } catch (IOException e) {
      return AotCheck.no("unreadable: " + e.getMessage());
    }
    return new AotCheck(Optional.of(cache), "AOT cache: " + cache);
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

  private static List<String> split(String value) {
    return Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below, as for zero
    }
    throw new IllegalArgumentException(option + " needs a positive whole number, not " + value);
  }
}
