package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two names of a transaction, made from the core's StartTransaction alone. */
class TransactionIdsTest {

  private static final Instant STARTED = Instant.parse("2026-12-03T06:30:04.250Z");

  @Test
  void theStationsIdNamesTheConnectorAndTheStartSecond() {
    assertEquals("1-2026-12-03T06:30:04Z", TransactionIds.station(1, STARTED));
    assertTrue(TransactionIds.station(32, STARTED).length() <= 36, "transactionId is string[0..36]");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 20, 32})
  void bothNamesLeadToEachOtherWithoutATable(int connector) {
    String station = TransactionIds.station(connector, STARTED);
    int core = TransactionIds.core(connector, STARTED);

    assertTrue(core >= 0);
    assertEquals(Optional.of(core), TransactionIds.core(station));
    assertEquals(station, TransactionIds.stationOf(core, STARTED.plus(Duration.ofHours(10))));
  }

  @Test
  void theCoresIdWrapsButComesBackToTheRecentStartItStandsFor() {
    Instant longAfter = Instant.parse("2031-06-01T12:00:00Z");
    int core = TransactionIds.core(3, longAfter);

    assertEquals("3-2031-06-01T12:00:00Z", TransactionIds.stationOf(core, longAfter.plus(Duration.ofDays(3))));
    // the clock set back by an hour during the transaction
    assertEquals("3-2031-06-01T12:00:00Z", TransactionIds.stationOf(core, longAfter.minus(Duration.ofHours(1))));
  }

  @Test
  void twoConnectorsStartingInTheSameSecondHaveTwoIds() {
    assertNotEquals(TransactionIds.core(1, STARTED), TransactionIds.core(2, STARTED));
    assertNotEquals(TransactionIds.station(1, STARTED), TransactionIds.station(2, STARTED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "tx-1", "0-2026-12-03T06:30:04Z", "33-2026-12-03T06:30:04Z",
      "1-2026-12-03T06:30:04.250Z", "1-yesterday", "01-2026-12-03T06:30:04Z"})
  void anIdThisStationDidNotMakeLeadsNowhere(String id) {
    assertEquals(Optional.empty(), TransactionIds.core(id));
  }
}
