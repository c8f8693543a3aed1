package dev.kilowatt.core.smartcharging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ChargingProfileKindType;
import dev.kilowatt.core.message.ChargingProfilePurposeType;
import dev.kilowatt.core.message.ChargingProfileStatus;
import dev.kilowatt.core.message.ChargingRateUnitType;
import dev.kilowatt.core.message.ChargingSchedule;
import dev.kilowatt.core.message.ChargingSchedulePeriod;
import dev.kilowatt.core.message.RecurrencyKindType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Properties of the composite schedule over random profile sets: every time in a scenario (profile starts,
 * periods, durations, validity, transaction start, window) lies on a grid of one minute or a quarter of an
 * hour, so evaluating each grid step by brute force sees every change.
 */
class CompositePropertiesTest {

  private static final int SCENARIOS = 1000;
  private static final Instant MONDAY = Instant.parse("2025-03-03T00:00:00Z");
  private static final int CONNECTORS = 2;

  /** One random situation: what is installed, and what is asked. */
  record Scenario(long seed, long tick, List<InstalledProfile> installed, ChargingProfiles profiles, int connectorId, Instant start,
      int duration, Optional<RunningTransaction> running, ConnectorRating rating) {

    long anchor() {
      return running.map(r -> r.started().getEpochSecond()).orElse(start.getEpochSecond());
    }

    ChargingSchedule composite(ChargingRateUnitType unit) {
      return profiles.compositeSchedule(connectorId, start, duration, running, unit, rating).orElseThrow();
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("seed " + seed + ": connector " + connectorId + ", window " + start + " +" + duration
          + "s, " + running + ", " + rating);
      installed.forEach(i -> text.append("\n  ").append(i));
      return text.toString();
    }
  }

  @Test
  void theCompositeEqualsAMinuteByMinuteEvaluation() {
    forEachScenario(20_260_101L, scenario -> {
      for (ChargingRateUnitType unit : ChargingRateUnitType.values()) {
        List<ChargingSchedulePeriod> expected = new ArrayList<>();
        BruteForce.Sample previous = null;
        for (long offset = 0; offset < Math.max(scenario.duration(), 1); offset += scenario.tick()) {
          BruteForce.Sample sample = BruteForce.sample(scenario.installed(), scenario.connectorId(), scenario.start().getEpochSecond() + offset,
              scenario.anchor(), unit, scenario.rating());
          if (!sample.equals(previous)) {
            expected.add(new ChargingSchedulePeriod((int) offset, sample.limit(), Optional.of(sample.phases())));
            previous = sample;
          }
        }
        assertEquals(expected, scenario.composite(unit).chargingSchedulePeriod(), () -> unit + " in " + scenario);
      }
    });
  }

  @Test
  void theCompositeNeverExceedsAnApplicableProfileNorTheRating() {
    forEachScenario(7_734_001L, scenario -> {
      for (ChargingRateUnitType unit : ChargingRateUnitType.values()) {
        List<ChargingSchedulePeriod> composite = perTick(scenario, scenario.composite(unit));
        for (int step = 0; step < composite.size(); step++) {
          ChargingSchedulePeriod period = composite.get(step);
          long offset = step * scenario.tick();
          double wattsPerAmpere = scenario.rating().voltage() * period.numberPhases().orElseThrow();
          Supplier<String> where = () -> unit + " at +" + offset + " in " + scenario;
          assertTrue(period.limit() <= BruteForce.inUnit(scenario.rating().maxCurrentA(), ChargingRateUnitType.A, unit, wattsPerAmpere) + 1e-6,
              where);
          for (BruteForce.InEffect applicable : BruteForce.applicable(scenario.installed(), scenario.connectorId(),
              scenario.start().getEpochSecond() + offset, scenario.anchor())) {
            double limit = BruteForce.inUnit(applicable.period().limit(), applicable.profile().chargingSchedule().chargingRateUnit(), unit,
                wattsPerAmpere);
            assertTrue(period.limit() <= limit + 1e-6, () -> applicable.profile().chargingProfileId() + ", " + where.get());
          }
        }
      }
    });
  }

  @Test
  void theCompositeInWattsIsTheCompositeInAmperesOnItsPhases() {
    forEachScenario(31_415_926L, scenario -> {
      List<ChargingSchedulePeriod> amperes = perTick(scenario, scenario.composite(ChargingRateUnitType.A));
      List<ChargingSchedulePeriod> watts = perTick(scenario, scenario.composite(ChargingRateUnitType.W));
      for (int step = 0; step < amperes.size(); step++) {
        ChargingSchedulePeriod a = amperes.get(step);
        ChargingSchedulePeriod w = watts.get(step);
        int at = step;
        assertEquals(a.numberPhases(), w.numberPhases(), () -> "step " + at + " in " + scenario);
        double wattsPerAmpere = scenario.rating().voltage() * a.numberPhases().orElseThrow();
        assertEquals(a.limit() * wattsPerAmpere, w.limit(), 0.1 * wattsPerAmpere + 0.1, () -> "step " + at + " in " + scenario);
      }
    });
  }

  @Test
  void theNextChangeComesNoLaterThanTheCompositesNextPeriod() {
    forEachScenario(99_887_766L, scenario -> {
      ChargingSchedule composite = scenario.composite(ChargingRateUnitType.A);
      Random random = new Random(scenario.seed());
      for (int i = 0; i < 20; i++) {
        long offset = scenario.running().isPresent() ? (long) (random.nextDouble() * scenario.duration()) : 0;
        Instant at = scenario.start().plusSeconds(offset).plusMillis(random.nextInt(1000));
        Optional<Instant> next = scenario.profiles().nextChange(scenario.connectorId(), at, scenario.running());
        Supplier<String> where = () -> "+" + offset + " in " + scenario;
        Optional<Long> nextChange = composite.chargingSchedulePeriod().stream()
            .map(p -> (long) p.startPeriod())
            .filter(start -> start > offset)
            .findFirst();
        next.ifPresent(when -> {
          long nextOffset = when.getEpochSecond() - scenario.start().getEpochSecond();
          assertTrue(nextOffset > offset, where);
          assertTrue(nextChange.map(change -> change >= nextOffset).orElse(true), () -> "a change before " + when + ", " + where.get());
        });
        nextChange.ifPresent(change -> assertTrue(next.isPresent(), () -> "no next change, though at +" + change + ", " + where.get()));
      }
    });
  }

  /** The period in effect at each step of the scenario's grid. */
  private static List<ChargingSchedulePeriod> perTick(Scenario scenario, ChargingSchedule schedule) {
    List<ChargingSchedulePeriod> periods = schedule.chargingSchedulePeriod();
    List<ChargingSchedulePeriod> steps = new ArrayList<>();
    int current = 0;
    for (long offset = 0; offset < scenario.duration(); offset += scenario.tick()) {
      while (current + 1 < periods.size() && periods.get(current + 1).startPeriod() <= offset) {
        current++;
      }
      steps.add(periods.get(current));
    }
    return steps;
  }

  private static void forEachScenario(long seed, Consumer<Scenario> property) {
    Random seeds = new Random(seed);
    int accepted = 0;
    for (int i = 0; i < SCENARIOS; i++) {
      Scenario scenario = scenario(seeds.nextLong());
      accepted += scenario.installed().size();
      property.accept(scenario);
    }
    assertTrue(accepted > SCENARIOS * 2, "the scenarios hold profiles: " + accepted);
  }

  private static Scenario scenario(long seed) {
    Random random = new Random(seed);
    long tick = random.nextBoolean() ? 60 : 900;
    int windowTicks = 1 + random.nextInt(tick == 60 ? 600 : 1000);
    int startTick = random.nextInt(200);
    Instant start = at(tick, startTick);
    Optional<RunningTransaction> running = random.nextBoolean()
        ? Optional.of(new RunningTransaction(random.nextBoolean() ? Optional.of(1 + random.nextInt(3)) : Optional.empty(),
            at(tick, startTick - random.nextInt(100))))
        : Optional.empty();
    ConnectorRating rating = new ConnectorRating(new double[] {230, 120, 240}[random.nextInt(3)], 1 + random.nextInt(3),
        new double[] {6, 10, 16, 32, 63, 13.5}[random.nextInt(6)]);
    ChargingProfiles profiles = new ChargingProfiles(new SmartChargingLimits(3, 6, EnumSet.allOf(ChargingRateUnitType.class), 64),
        CONNECTORS, List.of());
    int count = random.nextInt(11);
    for (int i = 0; i < count; i++) {
      ChargingProfilePurposeType purpose = ChargingProfilePurposeType.values()[random.nextInt(running.isPresent() ? 3 : 2)];
      int connectorId = switch (purpose) {
        case CHARGE_POINT_MAX_PROFILE -> 0;
        case TX_DEFAULT_PROFILE -> random.nextInt(CONNECTORS + 1);
        case TX_PROFILE -> 1 + random.nextInt(CONNECTORS);
      };
      ChargingProfile profile = profile(random, tick, windowTicks, purpose, running, rating);
      ChargingProfileStatus status = profiles.install(connectorId, profile, running);
      assertTrue(status != ChargingProfileStatus.NOT_SUPPORTED, profile::toString);
    }
    return new Scenario(seed, tick, profiles.installed(), profiles, 1 + random.nextInt(CONNECTORS), start, windowTicks * (int) tick,
        running, rating);
  }

  /** A profile whose limits are mostly below the rating, so that they show. */
  private static ChargingProfile profile(Random random, long tick, int windowTicks, ChargingProfilePurposeType purpose,
      Optional<RunningTransaction> running, ConnectorRating rating) {
    ChargingProfileKindType kind = ChargingProfileKindType.values()[random.nextInt(3)];
    ProfileBuilder profile = ProfileBuilder.profile(1 + random.nextInt(12)).stack(random.nextInt(4)).purpose(purpose).kind(kind);
    if (purpose == ChargingProfilePurposeType.TX_PROFILE && random.nextBoolean()) {
      running.orElseThrow().transactionId().ifPresent(profile::transactionId);
    }
    switch (kind) {
      case ABSOLUTE -> profile.absolute(at(tick, random.nextInt(600) - 300));
      case RECURRING -> profile.recurring(RecurrencyKindType.values()[random.nextInt(2)], at(tick, random.nextInt(2300) - 2000));
      case RELATIVE -> { }
    }
    if (random.nextInt(10) < 6) {
      profile.duration((int) tick * (1 + random.nextInt(tick == 60 ? 600 : 1200)));
    }
    boolean watts = random.nextBoolean();
    profile.unit(watts ? ChargingRateUnitType.W : ChargingRateUnitType.A);
    double highest = 1.3 * (watts ? rating.maxCurrentA() * rating.voltage() * 3 : rating.maxCurrentA());
    int periods = 1 + random.nextInt(5);
    int startPeriod = 0;
    for (int i = 0; i < periods; i++) {
      double limit = watts ? 100 * Math.floor(random.nextDouble() * highest / 100) : Math.floor(random.nextDouble() * highest * 10) / 10;
      if (random.nextInt(10) < 3) {
        profile.period(startPeriod, limit, 1 + random.nextInt(3));
      } else {
        profile.period(startPeriod, limit);
      }
      startPeriod += (int) tick * (1 + random.nextInt(tick == 60 ? 120 : 200));
    }
    if (random.nextInt(20) < 3) {
      profile.minChargingRate(Math.floor(random.nextDouble() * highest / 2));
    }
    if (random.nextInt(4) == 0) {
      profile.validFrom(at(tick, random.nextInt(windowTicks + 300) - 100));
    }
    if (random.nextInt(4) == 0) {
      profile.validTo(at(tick, random.nextInt(windowTicks + 400) - 100));
    }
    return profile.build();
  }

  private static Instant at(long tick, long ticks) {
    return MONDAY.plusSeconds(tick * ticks);
  }
}
