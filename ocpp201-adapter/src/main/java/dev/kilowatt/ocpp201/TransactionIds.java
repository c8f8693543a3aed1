package dev.kilowatt.ocpp201;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The two names of one transaction: the string id the station makes in OCPP 2.0.1 (part 2 E: the
 * station, not the CSMS, names a transaction, uniquely over its lifetime) and the int id the core's
 * 1.6-shaped StartTransaction answer gives the domain. Both are computed from what the core's
 * StartTransaction carries, the connector and the start time, so no table has to survive a restart: a
 * transaction started before a power cut keeps both names after it.
 *
 * <p>The station's id is {@code <connector>-<start to the second, ISO 8601 UTC>}, for example
 * {@code 1-2026-12-03T06:30:04Z}: one EVSE starts at most one transaction per second (the previous one
 * has to end, and a driver to present a card or the CSMS to ask, in between), and two EVSEs differ in the
 * prefix.
 *
 * <p>The core's id packs the same two facts into 31 bits: {@code seconds * 32 + connector - 1}, the
 * seconds counted from 2025-01-01 and taken modulo 2^26 (about 776 days), so connectors 1 to 32 fit and
 * the id stays positive. It wraps, but the core only ever holds the ids of transactions that run or wait
 * to be reported, none of them anywhere near two years old; so going back from the int to the string
 * takes the latest start, counted from now, that the int can stand for (a day of slack covers a clock set
 * back during the transaction). Going from the string to the int needs no clock at all.
 */
final class TransactionIds {

  static final int MAX_CONNECTORS = 32;
  private static final long BASE = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
  private static final long PERIOD = 1L << 26;
  private static final long SLACK = 86_400;

  private TransactionIds() {
  }

  /** The station's id of the transaction the core starts on {@code connectorId} at {@code started}. */
  static String station(int connectorId, Instant started) {
    requireConnector(connectorId);
    return connectorId + "-" + started.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Whether {@code stationId} is the id of the transaction the core started on {@code connectorId} at {@code started}. */
  static boolean names(String stationId, int connectorId, Instant started) {
    return connectorId >= 1 && connectorId <= MAX_CONNECTORS && station(connectorId, started).equals(stationId);
  }

  /** The core's id of the same transaction. */
  static int core(int connectorId, Instant started) {
    requireConnector(connectorId);
    return (int) (Math.floorMod(started.getEpochSecond() - BASE, PERIOD) * MAX_CONNECTORS + connectorId - 1);
  }

  /** The core's id of a station id, if it is one this station made. */
  static Optional<Integer> core(String stationId) {
    int dash = stationId.indexOf('-');
    if (dash < 1) {
      return Optional.empty();
    }
    try {
      int connectorId = Integer.parseInt(stationId.substring(0, dash));
      Instant started = Instant.parse(stationId.substring(dash + 1));
      if (connectorId < 1 || connectorId > MAX_CONNECTORS || !station(connectorId, started).equals(stationId)) {
        return Optional.empty();
      }
      return Optional.of(core(connectorId, started));
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The connector the core's {@code coreId} was started on. */
  static int connectorOf(int coreId) {
    return Math.floorMod(coreId, MAX_CONNECTORS) + 1;
  }

  /** The station's id as part of a storage key, whose characters are letters, digits and {@code ._/-}. */
  static String storageKey(String stationId) {
    return stationId.replace(':', '.');
  }

  /** The station's id of the core's {@code coreId}, for a transaction that started before {@code now}. */
  static String stationOf(int coreId, Instant now) {
    int connectorId = connectorOf(coreId);
    long wrapped = Math.floorDiv(coreId, MAX_CONNECTORS);
    long latest = now.getEpochSecond() - BASE + SLACK;
    long seconds = latest - Math.floorMod(latest - wrapped, PERIOD);
    return station(connectorId, Instant.ofEpochSecond(BASE + seconds));
  }

  private static void requireConnector(int connectorId) {
    if (connectorId < 1 || connectorId > MAX_CONNECTORS) {
      throw new IllegalArgumentException("connector " + connectorId + " is outside 1.." + MAX_CONNECTORS);
    }
  }
}
