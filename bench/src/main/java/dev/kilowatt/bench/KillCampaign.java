package dev.kilowatt.bench;

import dev.kilowatt.bench.LoopbackCentralSystem.Arrival;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The SIGKILL campaign of issue 9: the packaged simulator as a child process against a central system on
 * loopback that records every call, driven through charging sessions and killed with SIGKILL at moments
 * drawn from a seeded random source (as a start is queued or answered, during samples, as a stop is queued
 * or answered, while the central system is offline), then started again on the same data directory. At the
 * end it counts from what the central system recorded (see {@link CampaignTally}): sessions, kills, lost and
 * duplicated transactions, energy running backwards. Not a test; run from the repository root after
 * {@code mvn -q -pl examples,bench -am -DskipTests package} with
 * {@code java -cp bench/target/kilowatt-benchmarks.jar dev.kilowatt.bench.KillCampaign --kills 300}.
 *
 * <p>The seed fixes the moments and the delays after them, not where the kill falls in the charger's work:
 * that depends on the machine, which is the point of killing a real process.
 */
public final class KillCampaign {

  /** Where in a session the kill falls; {@code NONE} lets the session end as a driver ends it. */
  enum Moment { START_QUEUED, START_ANSWERED, SAMPLE, STOP_QUEUED, STOP_ANSWERED, OFFLINE, NONE }

  /**
   * The command line.
   *
   * @param kills how many times the charger is killed
   * @param seed the seed of the moments and delays
   * @param jar the simulator jar
   * @param jvmOptions the simulator's JVM flags, when given; else its embedded profile
   * @param aot whether to use the AOT cache next to the jar
   */
  record Options(int kills, long seed, Path jar, Optional<List<String>> jvmOptions, boolean aot) {

    static final String USAGE = """
        usage: java -cp bench/target/kilowatt-benchmarks.jar dev.kilowatt.bench.KillCampaign [options]
          --kills N         SIGKILLs (default 300)
          --seed N          seed of the kill moments and delays (default 1)
          --jar PATH        the simulator jar (default examples/target/kilowatt-simulator.jar)
          --jvm-opts "..."  the simulator's JVM flags instead of those in kilowatt.jvm.options
          --no-aot          do not use the AOT cache kilowatt.aot next to the jar""";

    static Options parse(String... args) {
      int kills = 300;
      long seed = 1;
      Path jar = Path.of("examples/target/kilowatt-simulator.jar");
      Optional<List<String>> jvmOptions = Optional.empty();
      boolean aot = true;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--no-aot")) {
          aot = false;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value, or is unknown");
        }
        String value = args[++i];
        switch (args[i - 1]) {
          case "--kills" -> kills = BenchOptions.positive("--kills", value);
          case "--seed" -> seed = BenchOptions.positive("--seed", value);
          case "--jar" -> jar = Path.of(value);
          case "--jvm-opts" -> jvmOptions = Optional.of(BenchOptions.split(value));
          default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
        }
      }
      return new Options(kills, seed, jar, jvmOptions, aot);
    }
  }

  private static final String SAMPLE_EVERY_SECOND = "{\"key\":\"MeterValueSampleInterval\",\"value\":\"1\"}";
  private static final String OFFLINE_STARTS = "{\"key\":\"AllowOfflineTxForUnknownId\",\"value\":\"true\"}";

  private final LoopbackCentralSystem centralSystem;
  private final Options options;
  private final Path dataDir;
  private final Random random;
  private final List<String> jvmOptions = new ArrayList<>();
  private final Map<Moment, Integer> kills = new EnumMap<>(Moment.class);
  private final List<Moment> sessions = new ArrayList<>();
  private final List<Long> killTimes = new ArrayList<>();
  private int offScript;
  private ChargerProcess charger;

  private KillCampaign(LoopbackCentralSystem centralSystem, Options options, Path dataDir) {
    this.centralSystem = centralSystem;
    this.options = options;
    this.dataDir = dataDir;
    this.random = new Random(options.seed());
    jvmOptions.addAll(options.jvmOptions().orElseGet(() -> JvmOptionsFile.profileOf(options.jar())));
    jvmOptions.addAll(AotCache.of(options.jar(), options.aot()).options());
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (!Files.isRegularFile(options.jar())) {
      System.err.println("no simulator jar at " + options.jar() + "; build it: mvn -q -pl examples,bench -am -DskipTests package");
      System.exit(2);
    }
    Path scratch = Files.createTempDirectory("kilowatt-kill-campaign-");
    System.out.printf("kill campaign: %d kills, seed %d, %s, Java %s, %d cores; data and charger log in %s%n",
        options.kills(), options.seed(), options.jar(), Runtime.version(), Runtime.getRuntime().availableProcessors(), scratch);
    long began = System.nanoTime();
    try (LoopbackCentralSystem centralSystem = LoopbackCentralSystem.open()) {
      KillCampaign campaign = new KillCampaign(centralSystem, options, scratch.resolve("data"));
      campaign.run(scratch.resolve("charger.log"));
      System.out.println(campaign.report(CampaignTally.of(centralSystem.arrivals(), campaign.killTimes), (System.nanoTime() - began) / 1e9));
    }
  }

  private void run(Path log) throws InterruptedException {
    ProcessBuilder.Redirect errors = ProcessBuilder.Redirect.appendTo(log.toFile());
    charger = ChargerProcess.kilowatt(options.jar(), jvmOptions, centralSystem.url(), dataDir, errors);
    awaitReady();
    centralSystem.await(centralSystem.call("ChangeConfiguration", SAMPLE_EVERY_SECOND), "ChangeConfiguration");
    centralSystem.await(centralSystem.call("ChangeConfiguration", OFFLINE_STARTS), "ChangeConfiguration");
    int killed = 0;
    while (killed < options.kills()) {
      Moment moment = pick();
      sessions.add(moment);
      boolean kill;
      try {
        kill = session(sessions.size(), moment);
      } catch (IllegalStateException e) {
        offScript++;
        System.out.printf("session %d (%s) off script: %s%n", sessions.size(), moment, e.getMessage());
        kill = true;
      }
      if (kill) {
        killTimes.add(System.nanoTime());
        charger.close();
        centralSystem.offline(false);
        killed++;
        kills.merge(moment, 1, Integer::sum);
        if (killed % 25 == 0) {
          System.out.printf("%d kills, %d sessions%n", killed, sessions.size());
        }
        charger = ChargerProcess.kilowatt(options.jar(), jvmOptions, centralSystem.url(), dataDir, errors);
        awaitReady();
      }
    }
    settle();
    charger.close();
  }

  /** One in eight sessions ends unkilled; the others are killed at one of the moments, all alike likely. */
  private Moment pick() {
    Moment[] killing = {Moment.START_QUEUED, Moment.START_ANSWERED, Moment.SAMPLE, Moment.STOP_QUEUED,
        Moment.STOP_ANSWERED, Moment.OFFLINE};
    return random.nextInt(8) == 0 ? Moment.NONE : killing[random.nextInt(killing.length)];
  }

  /** Drives one session with its own idTag; returns whether the charger is to be killed now. */
  private boolean session(int number, Moment moment) throws InterruptedException {
    String card = "card S" + number;
    long mark = System.nanoTime();
    if (moment == Moment.OFFLINE) {
      centralSystem.offline(true);
      charger.type(card);
      charger.type("plug");
      charger.type("ev-charge");
      Thread.sleep(300 + random.nextInt(2500));
      if (random.nextBoolean()) {
        charger.type("unplug");
        Thread.sleep(random.nextInt(1000));
      }
      return true;
    }
    charger.type(card);
    charger.type("plug");
    if (moment == Moment.START_QUEUED) {
      return pause(60);
    }
    charger.type("ev-charge");
    String idTag = "S" + number;
    Arrival start = centralSystem.awaitCall("StartTransaction", mark, call -> call.path("idTag").asText().equals(idTag));
    if (moment == Moment.START_ANSWERED) {
      return pause(20);
    }
    int transactionId = start.transactionId();
    centralSystem.awaitCall("MeterValues", start.nanos(), call -> call.path("transactionId").asInt() == transactionId);
    if (moment == Moment.SAMPLE) {
      return pause(1200);
    }
    long stopping = System.nanoTime();
    charger.type("unplug");
    if (moment == Moment.STOP_QUEUED) {
      return pause(40);
    }
    centralSystem.awaitCall("StopTransaction", stopping, call -> call.path("transactionId").asInt() == transactionId);
    if (moment == Moment.STOP_ANSWERED) {
      return pause(20);
    }
    centralSystem.awaitStatus("Available", stopping);
    return false;
  }

  /** Waits a random time below {@code boundMillis} before the kill. */
  private boolean pause(int boundMillis) throws InterruptedException {
    Thread.sleep(random.nextInt(boundMillis));
    return true;
  }

  /** The charger has booted and reported connector 1 Available: it is ready for the next session. */
  private void awaitReady() {
    long booted = centralSystem.awaitCall("BootNotification", charger.started).nanos();
    centralSystem.awaitStatus("Available", booted);
  }

  /**
   * After the last kill the charger runs until every transaction is stopped, or until nothing has arrived
   * for ten seconds: what was lost or left open stays so.
   */
  private void settle() throws InterruptedException {
    long quietSince = System.nanoTime();
    int seen = -1;
    while (System.nanoTime() - quietSince < 10_000_000_000L) {
      List<Arrival> arrivals = centralSystem.arrivals();
      CampaignTally tally = CampaignTally.of(arrivals, killTimes);
      if (tally.lost() == 0 && tally.duplicatesLeftOpen() == 0 && !arrivals.isEmpty()
          && arrivals.getLast().action().equals("StatusNotification")) {
        return;
      }
      if (arrivals.size() != seen) {
        seen = arrivals.size();
        quietSince = System.nanoTime();
      }
      Thread.sleep(500);
    }
  }

  private String report(CampaignTally tally, double seconds) {
    Map<Moment, Integer> lost = new EnumMap<>(Moment.class);
    tally.lostSessions().forEach(s -> lost.merge(momentOf(s), 1, Integer::sum));
    Map<Moment, Integer> duplicated = new EnumMap<>(Moment.class);
    tally.duplicatedSessions().forEach(s -> duplicated.merge(momentOf(s), 1, Integer::sum));
    StringBuilder out = new StringBuilder();
    out.append(String.format("%nsessions driven %d, kills %d (off script %d), in %.0f s%n", sessions.size(),
        kills.values().stream().mapToInt(Integer::intValue).sum(), offScript, seconds));
    out.append(String.format("%-15s %6s %6s %6s%n", "moment", "kills", "lost", "dup"));
    for (Moment moment : Moment.values()) {
      out.append(String.format("%-15s %6d %6d %6d%n", moment, kills.getOrDefault(moment, 0), lost.getOrDefault(moment, 0),
          duplicated.getOrDefault(moment, 0)));
    }
    out.append(String.format("sessions opened at the central system %d%n", tally.sessions()));
    out.append(String.format("lost (opened, never stopped)          %d%n", tally.lost()));
    out.append(String.format("duplicated (a second transaction)     %d, of them left open %d%n", tally.duplicated(),
        tally.duplicatesLeftOpen()));
    List<Long> gaps = tally.answerToKillNanos().stream().sorted().toList();
    if (!gaps.isEmpty()) {
      out.append(String.format("  killed after the answer they repeat: min %s, median %s, max %s%n", millis(gaps.getFirst()),
          millis(gaps.get(gaps.size() / 2)), millis(gaps.getLast())));
    }
    out.append(String.format("stops repeated (same transactionId)   %d%n", tally.repeatedStops()));
    out.append(String.format("stops of an unknown transactionId     %d%n", tally.unknownStops()));
    out.append(String.format("energy running backwards              %d%n", tally.backwards()));
    out.append(tally.clean() ? "CLEAN" : "NOT CLEAN");
    return out.toString();
  }

  private static String millis(long nanos) {
    return nanos == Long.MAX_VALUE ? "no kill after it" : String.format("%.1f ms", nanos / 1e6);
  }

  /** The moment of the session that used this idTag ({@code S<number>}). */
  private Moment momentOf(CampaignTally.Session session) {
    int number = Integer.parseInt(session.idTag().substring(1));
    return sessions.get(number - 1);
  }
}
