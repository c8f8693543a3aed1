package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChangeConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.ChangeConfigurationRequest;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ConfigurationStatus;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Power loss, for real: the simulated charger runs as its own process, is killed with SIGKILL in the middle
 * of a transaction, and is started again on the same data directory.
 */
class PowerLossEndToEndTest extends CentralSystemFixture {

  private static final String CARD = "04F00D";

  @Test
  @DisplayName("TC_032_2_CS Power failure boot: after SIGKILL mid-transaction, StopTransaction PowerLoss once online, nothing lost or repeated but the call in flight")
  void tc032PowerLossMidTransaction() {
    int transactionId;
    long lastSampledWh;
    try (SimulatorProcess charger = startCharger()) {
      centralSystem.next(BootNotificationRequest.class);
      // Statuses follow the boot's acceptance: from now on a card is authorized online.
      centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1);
      ChangeConfigurationConfirmation sampling = centralSystem.call(new ChangeConfigurationRequest("MeterValueSampleInterval", "1"));
      assertEquals(ConfigurationStatus.Accepted, sampling.getStatus());

      charger.type("card " + CARD);
      charger.type("plug");
      charger.type("ev-charge");
      StartTransactionRequest start = centralSystem.next(StartTransactionRequest.class);
      transactionId = centralSystem.transactionIdOf(start);
      centralSystem.next(MeterValuesRequest.class, m -> m.getTransactionId() != null && m.getTransactionId() == transactionId);
      MeterValuesRequest last = centralSystem.next(MeterValuesRequest.class, m -> energyWh(m) > start.getMeterStart());
      lastSampledWh = energyWh(last);

      charger.kill();
    }
    // Power loss: SIGKILL, no shutdown hook, right after a MeterValues reached the central system.
    int startsBefore = centralSystem.all(StartTransactionRequest.class).size();
    List<MeterValuesRequest> valuesBefore = centralSystem.all(MeterValuesRequest.class);

    try (SimulatorProcess charger = startCharger()) {
      centralSystem.next(BootNotificationRequest.class);
      centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Available);
      StopTransactionRequest stop = centralSystem.next(StopTransactionRequest.class);
      assertEquals(Reason.PowerLoss, stop.getReason());
      assertEquals(transactionId, stop.getTransactionId());
      assertTrue(stop.getMeterStop() >= lastSampledWh, "meterStop " + stop.getMeterStop() + " below the last sample, " + lastSampledWh);

      charger.type("status");
      charger.awaitLine(0, "connector 1: Available"::equals, TIMEOUT);
      charger.type("quit");
      assertEquals(0, charger.exitStatus(TIMEOUT));
    }
    assertEquals(1, centralSystem.all(StopTransactionRequest.class).size(), "the transaction is stopped exactly once");
    assertEquals(startsBefore, centralSystem.all(StartTransactionRequest.class).size(), "no StartTransaction sent again");
    assertOnlyTheCallInFlightRepeated(valuesBefore, centralSystem.all(MeterValuesRequest.class));
  }

  @Test
  @DisplayName("SIGKILL as the StartTransaction is answered: stopped once after the reboot, with the id of the start the central system answered last; a start repeated only within the window, unchanged")
  void killAsTheStartIsAnswered() {
    StartTransactionRequest first;
    try (SimulatorProcess charger = startCharger()) {
      centralSystem.next(BootNotificationRequest.class);
      centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1);
      charger.type("card " + CARD);
      charger.type("plug");
      first = centralSystem.next(StartTransactionRequest.class);
      // the kill falls just before, during or after the answer's record reaches the journal
      charger.kill();
    }
    try (SimulatorProcess charger = startCharger()) {
      centralSystem.next(BootNotificationRequest.class);
      StopTransactionRequest stop = centralSystem.next(StopTransactionRequest.class);
      List<StartTransactionRequest> starts = centralSystem.all(StartTransactionRequest.class);
      assertTrue(starts.size() <= 2, "at most the start in flight is sent again: " + starts.size());
      starts.forEach(start -> {
        assertEquals(first.getTimestamp(), start.getTimestamp(), "a repeated start is the same start");
        assertEquals(first.getMeterStart(), start.getMeterStart());
      });
      assertEquals(centralSystem.transactionIdOf(starts.getLast()), stop.getTransactionId());
      assertEquals(Reason.PowerLoss, stop.getReason());
      assertTrue(stop.getMeterStop() >= first.getMeterStart(), "energy never runs backwards");
      charger.type("quit");
      assertEquals(0, charger.exitStatus(TIMEOUT));
    }
    assertEquals(1, centralSystem.all(StopTransactionRequest.class).size(), "the transaction is stopped exactly once");
  }

  @Test
  @DisplayName("SIGKILL with the StopTransaction queued and unanswered (offline): after the reboot it is stopped exactly once, with the central system's transactionId")
  void killWithTheStopQueuedBeforeItsAnswer() {
    StartTransactionRequest start;
    try (SimulatorProcess charger = startCharger()) {
      start = chargeThenUnplug(charger, centralSystem::goOffline);
      charger.type("unplug");
      // the stop is queued as the status changes; whether its record is durable yet, the kill decides
      charger.type("status");
      charger.awaitLine(charger.lineCount(), "connector 1: Available"::equals, TIMEOUT);
      charger.kill();
    }
    centralSystem.goOnline();
    int transactionId = centralSystem.transactionIdOf(start);
    try (SimulatorProcess charger = startCharger()) {
      centralSystem.next(BootNotificationRequest.class);
      // a StatusNotification may go ahead of the transaction queue (OCPP 1.6 section 3.7), so it is looked for
      // from the boot on, before or after the stop
      centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Available);
      StopTransactionRequest stop = centralSystem.next(StopTransactionRequest.class);
      assertEquals(transactionId, stop.getTransactionId());
      assertTrue(stop.getMeterStop() >= start.getMeterStart(), "energy never runs backwards");
      charger.type("quit");
      assertEquals(0, charger.exitStatus(TIMEOUT));
    }
    assertEquals(1, centralSystem.all(StopTransactionRequest.class).size(), "the transaction is stopped exactly once");
    assertEquals(1, centralSystem.all(StartTransactionRequest.class).size(), "nothing started again");
  }

  @Test
  @DisplayName("SIGKILL after the StopTransaction's answer is durable: it is not sent again after the reboot; the next transaction, cut short, is stopped once with PowerLoss")
  void killAfterTheStopsAnswer() {
    StartTransactionRequest first;
    StartTransactionRequest second;
    try (SimulatorProcess charger = startCharger()) {
      first = chargeThenUnplug(charger, () -> { });
      charger.type("unplug");
      StopTransactionRequest stop = centralSystem.next(StopTransactionRequest.class);
      assertEquals(centralSystem.transactionIdOf(first), stop.getTransactionId());
      // The next StartTransaction goes out only once its start record is durable, and the journal keeps a
      // prefix: the record of the stop's answer, appended before it, is durable too.
      charger.type("card " + CARD);
      charger.type("plug");
      second = centralSystem.next(StartTransactionRequest.class);
      charger.kill();
    }
    try (SimulatorProcess charger = startCharger()) {
      centralSystem.next(BootNotificationRequest.class);
      StopTransactionRequest powerLoss = centralSystem.next(StopTransactionRequest.class);
      assertEquals(Reason.PowerLoss, powerLoss.getReason());
      assertEquals(centralSystem.transactionIdOf(centralSystem.all(StartTransactionRequest.class).getLast()), powerLoss.getTransactionId());
      assertTrue(powerLoss.getMeterStop() >= second.getMeterStart(), "energy never runs backwards");
      charger.type("quit");
      assertEquals(0, charger.exitStatus(TIMEOUT));
    }
    int firstId = centralSystem.transactionIdOf(first);
    assertEquals(1, centralSystem.all(StopTransactionRequest.class).stream().filter(s -> s.getTransactionId() == firstId).count(),
        "the first transaction is stopped exactly once");
    assertEquals(2, centralSystem.all(StopTransactionRequest.class).size(), "and the second once");
  }

  /**
   * Boots the charger, starts a transaction with {@link #CARD} and waits until a MeterValues of it reached the
   * central system; runs {@code beforeUnplug} and returns the start. The caller unplugs.
   */
  private StartTransactionRequest chargeThenUnplug(SimulatorProcess charger, Runnable beforeUnplug) {
    centralSystem.next(BootNotificationRequest.class);
    centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1);
    assertEquals(ConfigurationStatus.Accepted,
        centralSystem.<ChangeConfigurationConfirmation>call(new ChangeConfigurationRequest("MeterValueSampleInterval", "1")).getStatus());
    charger.type("card " + CARD);
    charger.type("plug");
    charger.type("ev-charge");
    StartTransactionRequest start = centralSystem.next(StartTransactionRequest.class);
    int transactionId = centralSystem.transactionIdOf(start);
    centralSystem.next(MeterValuesRequest.class, m -> m.getTransactionId() != null && m.getTransactionId() == transactionId);
    beforeUnplug.run();
    return start;
  }

  /**
   * Every meter value sent before the kill is still there, in order, and the only one that may come again
   * is the last: the kill can fall between the central system's answer and the charge point's noting it,
   * and the charge point cannot tell that from a lost call, so it sends it again, unchanged (same
   * timestamp), for the central system to recognize.
   */
  private static void assertOnlyTheCallInFlightRepeated(List<MeterValuesRequest> beforeKill, List<MeterValuesRequest> all) {
    List<ZonedDateTime> before = beforeKill.stream().map(PowerLossEndToEndTest::timestamp).toList();
    List<ZonedDateTime> after = all.stream().map(PowerLossEndToEndTest::timestamp).skip(before.size()).toList();
    assertEquals(before, all.stream().map(PowerLossEndToEndTest::timestamp).limit(before.size()).toList());
    List<ZonedDateTime> repeated = after.stream().filter(before::contains).toList();
    assertTrue(repeated.isEmpty() || repeated.equals(List.of(before.getLast())),
        "only the MeterValues in flight at the kill may be sent again; repeated: " + repeated + " of " + before);
  }

  private static ZonedDateTime timestamp(MeterValuesRequest values) {
    return values.getMeterValue()[0].getTimestamp();
  }

  private SimulatorProcess startCharger() {
    return SimulatorProcess.start(commandLine("KW-POWER-1"));
  }

  /** The energy register a MeterValues carries, in Wh. */
  private static long energyWh(MeterValuesRequest values) {
    return Arrays.stream(values.getMeterValue()[0].getSampledValue())
        .filter(v -> v.getMeasurand() == null || v.getMeasurand().equals("Energy.Active.Import.Register"))
        .map(SampledValue::getValue).mapToLong(v -> (long) Double.parseDouble(v)).findFirst().orElseThrow();
  }
}
