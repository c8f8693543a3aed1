package dev.kilowatt.examples.fleet;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a fleet is: how many stations, who they are, how fast they come up, and how they behave. Read from
 * a properties file (see the README, "A fleet for load tests"); every key is optional, and an unknown key
 * or a bad value is an error that names it. Durations are written {@code 500ms}, {@code 90s}, {@code 20m},
 * {@code 2h} or {@code 30d}.
 *
 * @param stations how many stations this process runs
 * @param idPattern the charge point identity of station number n, as {@link String#format} writes it
 * @param offset the number of the first station: a pod of a Kubernetes job takes its slice with it
 * @param connectors connectors per station
 * @param seed the seed every station's plan is drawn from: the same seed plays the same fleet
 * @param rampPerSecond how many stations start each second
 * @param summaryEvery how often a summary line is printed
 * @param meterPoll how often each simulated meter is read
 * @param ping the WebSocketPingInterval every station starts with; zero for no pings. Longer than the
 *     reference board's 2 s: thousands of stations pinging that often would load the central system with
 *     pings alone, and a busy machine would miss pongs
 * @param runFor how long the fleet runs before it stops by itself; zero for until it is stopped
 * @param behaviour how drivers, cars and sites behave
 */
record FleetFile(int stations, String idPattern, int offset, int connectors, long seed, double rampPerSecond,
    Duration summaryEvery, Duration meterPoll, Duration ping, Duration runFor, Behaviour behaviour) {

  static final int MAX_CONNECTORS = 20;
  private static final int MAX_ID_LENGTH = 48;
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Set<String> KEYS = Set.of("stations", "idPattern", "offset", "connectors", "seed", "ramp",
      "summary", "meterPoll", "ping", "runFor", "idle", "sessionMin", "sessionMax", "energyMin", "energyMax", "cards",
      "remoteStarts", "faultEvery", "faultLength", "dropEvery", "offlineMax");

  FleetFile {
    if (stations < 1) {
      throw new IllegalArgumentException("stations must be at least 1: " + stations);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset may not be negative: " + offset);
    }
    if (connectors < 1 || connectors > MAX_CONNECTORS) {
      throw new IllegalArgumentException("connectors must be 1 to " + MAX_CONNECTORS + ": " + connectors);
    }
    if (!(rampPerSecond > 0) || Double.isInfinite(rampPerSecond)) {
      throw new IllegalArgumentException("ramp must be a positive number of stations per second: " + rampPerSecond);
    }
    checkIdPattern(idPattern, offset + stations - 1);
  }

  /** The identity of station {@code number}. */
  String chargePointId(int number) {
    return String.format(Locale.ROOT, idPattern, number);
  }

  /** The same fleet with {@code stations} stations. */
  FleetFile withStations(int count) {
    return new FleetFile(count, idPattern, offset, connectors, seed, rampPerSecond, summaryEvery, meterPoll, ping,
        runFor, behaviour);
  }

  /** The same fleet starting at station {@code first}. */
  FleetFile withOffset(int first) {
    return new FleetFile(stations, idPattern, first, connectors, seed, rampPerSecond, summaryEvery, meterPoll, ping,
        runFor, behaviour);
  }

  static FleetFile read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the fleet file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The fleet described by {@code text}, in the properties format; {@code ""} for all the defaults. */
  static FleetFile parse(String text) {
    try {
      return parse(new StringReader(text), "the fleet file");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FleetFile parse(Reader in, String source) throws IOException {
    Properties p = new Properties();
    p.load(in);
    for (String key : p.stringPropertyNames()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(source + ": unknown key '" + key + "'; keys are " + KEYS);
      }
    }
    Values v = new Values(p, source);
    Behaviour defaults = Behaviour.publicSite();
    Behaviour behaviour = v.check(() -> new Behaviour(v.duration("idle", defaults.meanIdle()),
        v.duration("sessionMin", defaults.sessionMin()), v.duration("sessionMax", defaults.sessionMax()),
        v.number("energyMin", defaults.energyMinKwh()), v.number("energyMax", defaults.energyMaxKwh()),
        v.integer("cards", defaults.cardPool()), v.number("remoteStarts", defaults.remoteStartShare()),
        v.duration("faultEvery", defaults.meanBetweenFaults()), v.duration("faultLength", defaults.faultLength()),
        v.duration("dropEvery", defaults.meanBetweenDrops()), v.duration("offlineMax", defaults.offlineMax())));
    return v.check(() -> new FleetFile(v.integer("stations", 100), p.getProperty("idPattern", "FLEET-%05d"),
        v.integer("offset", 0), v.integer("connectors", 1), (long) v.number("seed", 1), v.number("ramp", 200),
        v.duration("summary", Duration.ofSeconds(5)), v.duration("meterPoll", Duration.ofSeconds(30)),
        v.duration("ping", Duration.ofSeconds(60)), v.duration("runFor", Duration.ZERO), behaviour));
  }

  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration like 500ms, 90s, 20m, 2h or 30d: '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  private static void checkIdPattern(String pattern, int highest) {
    String id;
    try {
      id = String.format(Locale.ROOT, pattern, highest);
    } catch (IllegalFormatException e) {
      throw new IllegalArgumentException("idPattern must format one number, e.g. FLEET-%05d: " + pattern, e);
    }
    if (id.equals(String.format(Locale.ROOT, pattern, highest + 1))) {
      throw new IllegalArgumentException("idPattern must give each station its own identity, e.g. FLEET-%05d: " + pattern);
    }
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH || !id.chars().allMatch(c -> c > ' ' && c < 127 && c != '/')) {
      throw new IllegalArgumentException("idPattern gives '" + id + "'; identities are 1 to " + MAX_ID_LENGTH
          + " printable ASCII characters without '/' or spaces");
    }
  }

  /** Reads typed values, naming the key and the file in every complaint. */
  private record Values(Properties p, String source) {

    Duration duration(String key, Duration fallback) {
      String text = p.getProperty(key);
      return text == null ? fallback : named(key, () -> FleetFile.duration(text));
    }

    int integer(String key, int fallback) {
      String text = p.getProperty(key);
      return text == null ? fallback : named(key, () -> Integer.parseInt(text.strip()));
    }

    double number(String key, double fallback) {
      String text = p.getProperty(key);
      return text == null ? fallback : named(key, () -> Double.parseDouble(text.strip()));
    }

    <T> T named(String key, java.util.function.Supplier<T> value) {
      try {
        return value.get();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ": " + key + ": " + e.getMessage(), e);
      }
    }

    <T> T check(java.util.function.Supplier<T> value) {
      try {
        return value.get();
      } catch (IllegalArgumentException e) {
        throw e.getMessage().startsWith(source) ? e : new IllegalArgumentException(source + ": " + e.getMessage(), e);
      }
    }
  }
}
