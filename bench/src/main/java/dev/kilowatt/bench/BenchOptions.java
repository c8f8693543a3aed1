package dev.kilowatt.bench;

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
   * it (see {@link JvmOptionsFile#profileOf}).
   */
  List<String> simulatorJvmOptions() {
    return jvmOptions.orElseGet(() -> JvmOptionsFile.profileOf(jar));
  }

  /** The AOT cache next to the jar, as the launcher would use it, unless {@code --no-aot} (see {@link AotCache}). */
  AotCache aotCache() {
    return AotCache.of(jar, aot);
  }

  /** Splits {@code --jvm-opts}' value into options. */
  static List<String> split(String value) {
    return Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  /** Reads a count greater than zero, or says why it is not one. */
  static int positive(String option, String value) {
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
