package dev.kilowatt.examples.fleet;

import java.time.Duration;
import java.util.Objects;

/**
 * How the drivers, the cars and the sites of a fleet behave: what a station's plan is drawn from.
 *
 * @param meanIdle the mean time a connector stands free between two sessions (exponentially spread)
 * @param sessionMin the shortest time a car stays plugged in
 * @param sessionMax the longest time a car stays plugged in (uniformly spread in between)
 * @param energyMinKwh the least energy a car wants
 * @param energyMaxKwh the most energy a car wants; it stops asking for energy (C to B) once it has it
 * @param cardPool how many different RFID cards the drivers hold
 * @param remoteStartShare the share of sessions, from 0 to 1, started by the central system (an app)
 *     rather than a card: the car is plugged in and the station waits for RemoteStartTransaction
 * @param meanBetweenFaults the mean time between hardware faults on a connector; zero for none
 * @param faultLength how long a fault lasts before it clears
 * @param meanBetweenDrops the mean time between losses of the mobile link; zero for none
 * @param offlineMax the longest a station stays offline after a loss (uniformly spread from zero)
 */
record Behaviour(Duration meanIdle, Duration sessionMin, Duration sessionMax, double energyMinKwh, double energyMaxKwh,
    int cardPool, double remoteStartShare, Duration meanBetweenFaults, Duration faultLength, Duration meanBetweenDrops,
    Duration offlineMax) {

  Behaviour {
    positive(meanIdle, "idle");
    positive(sessionMin, "sessionMin");
    if (sessionMax.compareTo(sessionMin) < 0) {
      throw new IllegalArgumentException("sessionMax is below sessionMin: " + sessionMax + " < " + sessionMin);
    }
    if (!(energyMinKwh > 0) || !(energyMaxKwh >= energyMinKwh) || Double.isInfinite(energyMaxKwh)) {
      throw new IllegalArgumentException("need 0 < energyMin <= energyMax (kWh): " + energyMinKwh + ", " + energyMaxKwh);
    }
    if (cardPool < 1) {
      throw new IllegalArgumentException("cards must be at least 1: " + cardPool);
    }
    if (!(remoteStartShare >= 0 && remoteStartShare <= 1)) {
      throw new IllegalArgumentException("remoteStarts must be a share from 0 to 1: " + remoteStartShare);
    }
    notNegative(meanBetweenFaults, "faultEvery");
    positive(faultLength, "faultLength");
    notNegative(meanBetweenDrops, "dropEvery");
    positive(offlineMax, "offlineMax");
  }

  /** A public site: a car every two hours or so, for 20 minutes to 3 hours, a fault a month, a lost link a day. */
  static Behaviour publicSite() {
    return new Behaviour(Duration.ofHours(2), Duration.ofMinutes(20), Duration.ofHours(3), 5, 40, 10_000, 0.2,
        Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofDays(1), Duration.ofMinutes(2));
  }

  private static void positive(Duration value, String key) {
    Objects.requireNonNull(value, key);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be longer than zero: " + value);
    }
  }

  private static void notNegative(Duration value, String key) {
    Objects.requireNonNull(value, key);
    if (value.isNegative()) {
      throw new IllegalArgumentException(key + " may not be negative: " + value);
    }
  }
}
