package dev.kilowatt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.bench.LoopbackCentralSystem.Arrival;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the central system of the kill campaign saw, counted from the calls it recorded, across every process
 * the campaign started on the same data directory.
 *
 * <p>A session is what one StartTransaction stands for: its connector, idTag, meterStart and timestamp,
 * which a start sent again after a restart repeats unchanged. Each StartTransaction that reached the
 * central system opened a transaction (the central system answers each with a new transactionId), so a
 * session started more than once is <em>duplicated</em>: the transactions after its first. A session is
 * <em>lost</em> when no transaction it opened was ever stopped. A transactionId stopped more than once is a
 * <em>repeated stop</em>. Energy runs <em>backwards</em> when a connector's register, in the charger's own
 * time order over starts, samples and stops, is below an earlier reading.
 *
 * @param sessions sessions the central system saw opened
 * @param duplicated StartTransactions beyond the first of their session
 * @param lost sessions none of whose transactions was ever stopped
 * @param duplicatesLeftOpen transactions of a duplicated session that were never stopped
 * @param repeatedStops StopTransactions beyond the first for their transactionId
 * @param unknownStops StopTransactions for a transactionId the central system never gave
 * @param backwards readings below the reading before them on the same connector
 * @param lostSessions the lost sessions, for the report
 * @param duplicatedSessions the sessions started more than once, for the report
 * @param answerToKillNanos for each duplicate, how long after the answer it repeats the charger was killed:
 *     within one durable write, it is the documented duplicate window; a repeat with no kill after the
 *     answer is {@code Long.MAX_VALUE}
 */
record CampaignTally(int sessions, int duplicated, int lost, int duplicatesLeftOpen, int repeatedStops,
    int unknownStops, int backwards, List<Session> lostSessions, List<Session> duplicatedSessions,
    List<Long> answerToKillNanos) {

  /** A session as its StartTransaction names it. */
  record Session(int connectorId, String idTag, long meterStart, String timestamp) {
    static Session of(JsonNode start) {
      return new Session(start.path("connectorId").asInt(), start.path("idTag").asText(),
          start.path("meterStart").asLong(), start.path("timestamp").asText());
    }
  }

  private record Reading(int connectorId, Instant time, long wh) {}

  /**
   * Counts the calls, in the order they arrived; {@code kills} are the times (System.nanoTime) the charger
   * was killed, in order.
   */
  static CampaignTally of(List<Arrival> arrivals, List<Long> kills) {
    Map<Session, List<Integer>> opened = new LinkedHashMap<>();
    Map<Session, List<Long>> answered = new HashMap<>();
    Map<Integer, Integer> connectorOf = new HashMap<>();
    Map<Integer, Integer> stops = new HashMap<>();
    List<Reading> readings = new ArrayList<>();
    for (Arrival arrival : arrivals) {
      JsonNode call = arrival.payload();
      switch (arrival.action()) {
        case "StartTransaction" -> {
          opened.computeIfAbsent(Session.of(call), s -> new ArrayList<>()).add(arrival.transactionId());
          // the central system answers a call before it records it: the arrival time is the answer's
          answered.computeIfAbsent(Session.of(call), s -> new ArrayList<>()).add(arrival.nanos());
          connectorOf.put(arrival.transactionId(), call.path("connectorId").asInt());
          readings.add(new Reading(call.path("connectorId").asInt(), instant(call), call.path("meterStart").asLong()));
        }
        case "StopTransaction" -> stops.merge(call.path("transactionId").asInt(), 1, Integer::sum);
        case "MeterValues" -> readings.addAll(energyReadings(call));
        default -> {
          // the rest opens or closes nothing
        }
      }
    }
    for (Arrival arrival : arrivals) {
      JsonNode call = arrival.payload();
      Integer connector = connectorOf.get(call.path("transactionId").asInt());
      if (arrival.action().equals("StopTransaction") && connector != null) {
        readings.add(new Reading(connector, instant(call), call.path("meterStop").asLong()));
      }
    }
    Set<Integer> given = connectorOf.keySet();
    int duplicated = 0;
    int duplicatesLeftOpen = 0;
    List<Session> lost = new ArrayList<>();
    List<Session> repeated = new ArrayList<>();
    List<Long> gaps = new ArrayList<>();
    for (Map.Entry<Session, List<Integer>> session : opened.entrySet()) {
      List<Integer> ids = session.getValue();
      duplicated += ids.size() - 1;
      if (ids.size() > 1) {
        repeated.add(session.getKey());
        List<Long> times = answered.get(session.getKey());
        for (int i = 1; i < times.size(); i++) {
          long answer = times.get(i - 1);
          gaps.add(kills.stream().filter(kill -> kill > answer).findFirst().map(kill -> kill - answer).orElse(Long.MAX_VALUE));
        }
      }
      long open = ids.stream().filter(id -> !stops.containsKey(id)).count();
      if (open == ids.size()) {
        lost.add(session.getKey());
      } else if (ids.size() > 1) {
        duplicatesLeftOpen += (int) open;
      }
    }
    int repeatedStops = stops.entrySet().stream().filter(e -> given.contains(e.getKey())).mapToInt(e -> e.getValue() - 1).sum();
    int unknownStops = stops.entrySet().stream().filter(e -> !given.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    return new CampaignTally(opened.size(), duplicated, lost.size(), duplicatesLeftOpen, repeatedStops, unknownStops,
        backwards(readings), List.copyOf(lost), List.copyOf(repeated),
        List.copyOf(gaps));
  }

  /** Whether nothing was lost, duplicated or run backwards. */
  boolean clean() {
    return duplicated == 0 && lost == 0 && unknownStops == 0 && backwards == 0;
  }

  private static int backwards(List<Reading> readings) {
    Map<Integer, List<Reading>> byConnector = readings.stream()
        .collect(Collectors.groupingBy(Reading::connectorId, TreeMap::new, Collectors.toList()));
    int backwards = 0;
    for (List<Reading> connector : byConnector.values()) {
      // equal times keep their values' order: a sample and the stop of the same instant are no step back
      connector.sort(Comparator.comparing(Reading::time).thenComparingLong(Reading::wh));
      for (int i = 1; i < connector.size(); i++) {
        if (connector.get(i).wh() < connector.get(i - 1).wh()) {
          backwards++;
        }
      }
    }
    return backwards;
  }

  /** The Energy.Active.Import.Register values of a MeterValues.req (the default measurand when none is named), in Wh. */
  private static List<Reading> energyReadings(JsonNode call) {
    int connectorId = call.path("connectorId").asInt();
    List<Reading> readings = new ArrayList<>();
    for (JsonNode meterValue : call.path("meterValue")) {
      Instant time = instant(meterValue);
      for (JsonNode value : meterValue.path("sampledValue")) {
        String measurand = value.path("measurand").asText("Energy.Active.Import.Register");
        if (measurand.equals("Energy.Active.Import.Register")) {
          double wh = Double.parseDouble(value.path("value").asText());
          readings.add(new Reading(connectorId, time, Math.round(value.path("unit").asText("Wh").equals("kWh") ? wh * 1000 : wh)));
        }
      }
    }
    return readings;
  }

  private static Instant instant(JsonNode withTimestamp) {
    return OffsetDateTime.parse(withTimestamp.path("timestamp").asText()).toInstant();
  }
}
