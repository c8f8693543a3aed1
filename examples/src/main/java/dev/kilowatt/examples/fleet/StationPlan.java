package dev.kilowatt.examples.fleet;

import dev.kilowatt.core.ConnectorFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What happens at one station, drawn from the fleet's seed: the sessions on each connector, the faults and
 * the losses of the link. Each of these is its own stream of random numbers, seeded from the fleet's seed,
 * the station's number and the stream, so that a run with the same seed repeats the same plan however the
 * threads interleave and however late the central system answers.
 */
final class StationPlan {

  /** A car arrives after {@code idle}, stays {@code plugged}, wants {@code energyWh}, and starts by card or remotely. */
  record Session(Duration idle, Duration plugged, double energyWh, Optional<String> card) {
    boolean remoteStart() {
      return card.isEmpty();
    }
  }

  /** A connector reports a fault of {@code kind} after {@code after}, for {@code length}. */
  record Fault(Duration after, int connector, ConnectorFault kind, Duration length) {
  }

  /** The link is lost after {@code after}, and the station stays offline for {@code offline}. */
  record Drop(Duration after, Duration offline) {
  }

  /** Faults a simulated connector plausibly reports; none stops the station as a whole. */
  private static final List<ConnectorFault> FAULTS = List.of(ConnectorFault.GROUND_FAILURE,
      ConnectorFault.HIGH_TEMPERATURE, ConnectorFault.OVER_CURRENT_FAILURE,
      ConnectorFault.CONNECTOR_LOCK_FAILURE);
  private static final long FAULT_STREAM = -1;
  private static final long DROP_STREAM = -2;

  private final Behaviour behaviour;
  private final int connectors;
  private final List<SplittableRandom> sessions = new ArrayList<>();
  private final SplittableRandom faults;
  private final SplittableRandom drops;

  StationPlan(long seed, int station, int connectors, Behaviour behaviour) {
    this.behaviour = behaviour;
    this.connectors = connectors;
    for (int c = 1; c <= connectors; c++) {
      sessions.add(stream(seed, station, c));
    }
    faults = stream(seed, station, FAULT_STREAM);
    drops = stream(seed, station, DROP_STREAM);
  }

  private static SplittableRandom stream(long seed, int station, long stream) {
    // SplittableRandom mixes its seed well, so neighbouring stations and streams get unrelated numbers
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + station * 0xBF58476D1CE4E5B9L + stream);
  }

  /** The next session on connector {@code connector}, counted from 1. */
  Session nextSession(int connector) {
    SplittableRandom random = sessions.get(connector - 1);
    Duration idle = exponential(random, behaviour.meanIdle());
    Duration plugged = between(random, behaviour.sessionMin(), behaviour.sessionMax());
    double energyWh = 1000 * (behaviour.energyMinKwh()
        + random.nextDouble() * (behaviour.energyMaxKwh() - behaviour.energyMinKwh()));
    boolean remote = random.nextDouble() < behaviour.remoteStartShare();
    int card = random.nextInt(behaviour.cardPool());
    return new Session(idle, plugged, energyWh,
        remote ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "CARD-%06d", card)));
  }

  /** The next fault, if the behaviour has any. */
  Optional<Fault> nextFault() {
    if (behaviour.meanBetweenFaults().isZero()) {
      return Optional.empty();
    }
    // a station's connectors fail independently; their merged stream is as fast as all of them together
    Duration after = exponential(faults, behaviour.meanBetweenFaults().dividedBy(connectors));
    return Optional.of(new Fault(after, 1 + faults.nextInt(connectors), FAULTS.get(faults.nextInt(FAULTS.size())),
        behaviour.faultLength()));
  }

  /** The next loss of the link, if the behaviour has any. */
  Optional<Drop> nextDrop() {
    if (behaviour.meanBetweenDrops().isZero()) {
      return Optional.empty();
    }
    return Optional.of(new Drop(exponential(drops, behaviour.meanBetweenDrops()),
        between(drops, Duration.ZERO, behaviour.offlineMax())));
  }

  private static Duration exponential(SplittableRandom random, Duration mean) {
    return Duration.ofMillis(Math.round(-Math.log(1 - random.nextDouble()) * mean.toMillis()));
  }

  private static Duration between(SplittableRandom random, Duration low, Duration high) {
    return low.plusMillis(Math.round(random.nextDouble() * high.minus(low).toMillis()));
  }
}
