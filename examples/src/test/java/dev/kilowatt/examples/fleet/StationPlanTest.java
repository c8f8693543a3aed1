package dev.kilowatt.examples.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StationPlanTest {

  private static final Behaviour BEHAVIOUR = new Behaviour(Duration.ofMinutes(30), Duration.ofMinutes(10),
      Duration.ofHours(2), 5, 40, 100, 0.25, Duration.ofDays(10), Duration.ofMinutes(5), Duration.ofDays(1),
      Duration.ofMinutes(2));
  private static final int EVENTS = 200;

  /** The first events of every stream of a station's plan, in one list. */
  private static List<Object> firstEvents(long seed, int station) {
    StationPlan plan = new StationPlan(seed, station, 2, BEHAVIOUR);
    List<Object> events = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      events.add(plan.nextSession(1));
      events.add(plan.nextSession(2));
      events.add(plan.nextFault().orElseThrow());
      events.add(plan.nextDrop().orElseThrow());
    }
    return events;
  }

  @Test
  void theSameSeedGivesTheSamePlan() {
    assertEquals(firstEvents(42, 7), firstEvents(42, 7));
  }

  @Test
  void anotherSeedOrStationGivesAnotherPlan() {
    assertNotEquals(firstEvents(42, 7), firstEvents(43, 7));
    assertNotEquals(firstEvents(42, 7), firstEvents(42, 8));
  }

  @Test
  void aStreamDoesNotDependOnHowTheOthersAreDrawn() {
    StationPlan once = new StationPlan(5, 1, 2, BEHAVIOUR);
    StationPlan again = new StationPlan(5, 1, 2, BEHAVIOUR);
    for (int i = 0; i < 10; i++) {
      again.nextFault();
      again.nextSession(2);
    }
    assertEquals(once.nextSession(1), again.nextSession(1), "connector 1's sessions ignore the faults and connector 2");
  }

  @Test
  void sessionsFollowTheBehaviour() {
    StationPlan plan = new StationPlan(1, 1, 1, BEHAVIOUR);
    long remote = 0;
    double idleMinutes = 0;
    int sessions = 10_000;
    for (int i = 0; i < sessions; i++) {
      StationPlan.Session session = plan.nextSession(1);
      assertTrue(session.plugged().compareTo(BEHAVIOUR.sessionMin()) >= 0
          && session.plugged().compareTo(BEHAVIOUR.sessionMax()) <= 0, session.toString());
      assertTrue(session.energyWh() >= 5_000 && session.energyWh() <= 40_000, session.toString());
      session.card().ifPresent(card -> assertTrue(card.matches("CARD-0000[0-9][0-9]"), card));
      remote += session.remoteStart() ? 1 : 0;
      idleMinutes += session.idle().toMillis() / 60_000.0;
    }
    assertEquals(0.25, remote / (double) sessions, 0.02, "the share of remote starts");
    assertEquals(30, idleMinutes / sessions, 1.5, "the mean idle time");
  }

  @Test
  void noFaultsOrDropsWhenTheBehaviourHasNone() {
    Behaviour calm = new Behaviour(Duration.ofMinutes(30), Duration.ofMinutes(10), Duration.ofHours(2), 5, 40, 100, 0,
        Duration.ZERO, Duration.ofMinutes(5), Duration.ZERO, Duration.ofMinutes(2));
    StationPlan plan = new StationPlan(1, 1, 1, calm);
    assertTrue(plan.nextFault().isEmpty());
    assertTrue(plan.nextDrop().isEmpty());
    assertTrue(plan.nextSession(1).card().isPresent(), "no remote starts");
  }
}
