package dev.kilowatt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.bench.LoopbackCentralSystem.Arrival;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignTallyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Arrival> arrivals = new ArrayList<>();
  private final List<Long> kills = new ArrayList<>();

  @Test
  void aSessionStartedAndStoppedOnceIsClean() {
    start(1, "S1", 100, "10:00:00", 1);
    sample(1, 1, 150, "10:00:01");
    stop(1, 200, "10:00:02");
    CampaignTally tally = CampaignTally.of(arrivals, kills);
    assertEquals(1, tally.sessions());
    assertEquals(0, tally.lost());
    assertEquals(0, tally.duplicated());
    assertEquals(0, tally.backwards());
    assertTrue(tally.clean());
  }

  @Test
  void aSessionNoneOfWhoseTransactionsIsStoppedIsLost() {
    start(1, "S1", 100, "10:00:00", 1);
    start(1, "S2", 200, "10:01:00", 2);
    stop(2, 300, "10:01:30");
    CampaignTally tally = CampaignTally.of(arrivals, kills);
    assertEquals(2, tally.sessions());
    assertEquals(1, tally.lost());
    assertEquals("S1", tally.lostSessions().getFirst().idTag());
    assertFalse(tally.clean());
  }

  @Test
  void aStartSentAgainOpensASecondTransactionAndTheFirstIsLeftOpen() {
    start(1, "S1", 100, "10:00:00", 1);
    kills.add(5L);
    start(1, "S1", 100, "10:00:00", 2);
    stop(2, 300, "10:00:30");
    CampaignTally tally = CampaignTally.of(arrivals, kills);
    assertEquals(List.of(5L), tally.answerToKillNanos(), "killed 5 ns after the answer it repeats (arrival 0)");
    assertEquals(1, tally.sessions(), "the same connector, idTag, meterStart and timestamp are one session");
    assertEquals(1, tally.duplicated());
    assertEquals(1, tally.duplicatesLeftOpen());
    assertEquals(0, tally.lost(), "one of its transactions was stopped");
    assertEquals("S1", tally.duplicatedSessions().getFirst().idTag());
    assertFalse(tally.clean());
  }

  @Test
  void aStartWithAnotherTimestampIsAnotherSession() {
    start(1, "S1", 100, "10:00:00", 1);
    start(1, "S1", 100, "10:00:05", 2);
    stop(1, 100, "10:00:04");
    stop(2, 100, "10:00:06");
    CampaignTally tally = CampaignTally.of(arrivals, kills);
    assertEquals(2, tally.sessions());
    assertEquals(0, tally.duplicated());
    assertTrue(tally.clean());
  }

  @Test
  void repeatedAndUnknownStopsAreCountedApart() {
    start(1, "S1", 100, "10:00:00", 1);
    stop(1, 200, "10:00:30");
    stop(1, 200, "10:00:30");
    stop(9, 200, "10:00:40");
    CampaignTally tally = CampaignTally.of(arrivals, kills);
    assertEquals(1, tally.repeatedStops(), "within the window a stop may be sent again: no loss, no duplicate");
    assertEquals(1, tally.unknownStops());
    assertEquals(0, tally.lost());
  }

  @Test
  void energyRunsBackwardsWhenAReadingIsBelowAnEarlierOneInTheChargersTimeNotInArrivalOrder() {
    start(1, "S1", 100, "10:00:00", 1);
    stop(1, 200, "10:00:30");
    // a session recorded offline arrives after a later one, but its readings are earlier: no step back
    start(1, "S3", 300, "10:02:00", 2);
    stop(2, 400, "10:02:30");
    start(1, "S2", 200, "10:01:00", 3);
    sample(1, 3, 250, "10:01:10");
    stop(3, 300, "10:01:30");
    assertEquals(0, CampaignTally.of(arrivals, kills).backwards());

    start(1, "S4", 399, "10:03:00", 4);
    stop(4, 410, "10:03:30");
    CampaignTally tally = CampaignTally.of(arrivals, kills);
    assertEquals(1, tally.backwards(), "meterStart 399 after the meterStop 400 before it");
    assertFalse(tally.clean());
  }

  @Test
  void energyIsReadFromTheRegisterOnlyAndInKilowattHoursWhenSoMarked() {
    start(1, "S1", 1000, "10:00:00", 1);
    call("MeterValues", "{\"connectorId\":1,\"transactionId\":1,\"meterValue\":[{\"timestamp\":\"2026-12-03T10:00:10Z\","
        + "\"sampledValue\":[{\"value\":\"16.0\",\"measurand\":\"Current.Import\",\"unit\":\"A\"},"
        + "{\"value\":\"1.5\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"kWh\"}]}]}", 0);
    stop(1, 1400, "10:00:20");
    assertEquals(1, CampaignTally.of(arrivals, kills).backwards(), "1.5 kWh is 1500 Wh, above the meterStop of 1400");
  }

  private void start(int connector, String idTag, long meterStart, String time, int transactionId) {
    call("StartTransaction", "{\"connectorId\":" + connector + ",\"idTag\":\"" + idTag + "\",\"meterStart\":" + meterStart
        + ",\"timestamp\":\"2026-12-03T" + time + "Z\"}", transactionId);
  }

  private void sample(int connector, int transactionId, long wh, String time) {
    call("MeterValues", "{\"connectorId\":" + connector + ",\"transactionId\":" + transactionId + ",\"meterValue\":[{"
        + "\"timestamp\":\"2026-12-03T" + time + "Z\",\"sampledValue\":[{\"value\":\"" + wh + "\"}]}]}", 0);
  }

  private void stop(int transactionId, long meterStop, String time) {
    call("StopTransaction", "{\"transactionId\":" + transactionId + ",\"meterStop\":" + meterStop
        + ",\"timestamp\":\"2026-12-03T" + time + "Z\",\"reason\":\"PowerLoss\"}", 0);
  }

  private void call(String action, String payload, int transactionId) {
    try {
      arrivals.add(new Arrival(action, arrivals.size(), JSON.readTree(payload), transactionId));
    } catch (Exception e) {
      throw new IllegalArgumentException(payload, e);
    }
  }
}
