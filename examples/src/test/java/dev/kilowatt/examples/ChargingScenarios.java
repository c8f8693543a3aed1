package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ConnectorSnapshot;
import dev.kilowatt.core.ConnectorState;
import dev.kilowatt.examples.CentralSystemView.Sample;
import dev.kilowatt.examples.CentralSystemView.Started;
import dev.kilowatt.examples.CentralSystemView.StopCause;
import dev.kilowatt.examples.CentralSystemView.Stopped;
import dev.kilowatt.ocpp.TrafficListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One set of charging scenarios, played by the simulator (its Dagger component, driven by console commands as a
 * person at it would) against an independent central system of either protocol: a subclass names the protocol and
 * its {@link CentralSystemView}, which reads back in charging terms what that central system received. The same
 * hardware, component and console run either way; only {@code --protocol} differs.
 */
abstract class ChargingScenarios {

  private static final String CARD = "04A1B2C3D4";
  private static final String APP_USER = "APP-USER-7";
  private static final String CHARGE_POINT_ID = "KW-BOTH-1";
  private static final Duration TIMEOUT = ChargeTimeCentralSystem.TIMEOUT;
  private static final Duration POLL = Duration.ofMillis(20);

  @TempDir
  Path dataDirectory;

  private CentralSystemView centralSystem;
  private Simulator charger;

  /** The central system of the protocol under test, started. */
  abstract CentralSystemView startCentralSystem();

  @BeforeEach
  void bootTheCharger() {
    centralSystem = startCentralSystem();
    charger = Simulator.start(SimulatorSettings.of(centralSystem.url(), CHARGE_POINT_ID, dataDirectory).withFastReconnect()
        .withProtocol(centralSystem.protocol()).withConfiguration("MeterValueSampleInterval", "1"), TrafficListener.NONE, line -> { });
    await("a boot", () -> centralSystem.boots() == 1);
    awaitAvailableReports(1);
  }

  @AfterEach
  void stop() {
    try {
      if (charger != null) {
        charger.close();
      }
    } finally {
      centralSystem.close();
    }
  }

  @Test
  void aDriverChargesWithACardAndStopsWithItOnceTheMeterHasMoved() {
    Started started = startWithTheCard();
    assertEquals(CARD, started.token());
    assertEquals(1, started.connector());
    await("a reading above the start's", () -> centralSystem.samples().stream()
        .anyMatch(s -> s.transaction().equals(started.transaction()) && s.energyWh() > started.meterStartWh()));

    type("card " + CARD);
    Stopped stopped = awaitOnlyStop();
    assertEquals(started.transaction(), stopped.transaction());
    assertEquals(StopCause.LOCAL, stopped.cause());
    assertTrue(stopped.meterStopWh() > started.meterStartWh(), stopped + " after " + started);
    awaitConnector(c -> !c.transactionRunning(), "the transaction to end at the charger");
    assertEquals(1, centralSystem.stopped().size(), "stopped once");
  }

  @Test
  void unpluggingTheEvEndsTheTransactionEvDisconnected() {
    Started started = startWithTheCard();
    type("unplug 1");
    Stopped stopped = awaitOnlyStop();
    assertEquals(started.transaction(), stopped.transaction());
    assertEquals(StopCause.EV_DISCONNECTED, stopped.cause());
    assertTrue(stopped.meterStopWh() >= started.meterStartWh(), stopped + " after " + started);
  }

  @Test
  void aResetDuringASessionEndsItForTheResetAndTheChargerBootsAgain() {
    Started started = startWithTheCard();
    assertTrue(centralSystem.reset(), "reset accepted");
    Stopped stopped = awaitOnlyStop();
    assertEquals(started.transaction(), stopped.transaction());
    assertEquals(StopCause.RESET, stopped.cause());
    await("a second boot", () -> centralSystem.boots() == 2);
    // the EV stayed plugged in through the reboot: the connector waits for a card, it starts nothing by itself
    awaitConnector(c -> c.state() == ConnectorState.PREPARING, "connector 1 Preparing after the reboot");
    assertEquals(1, centralSystem.started().size(), "nothing started by itself after the reset");
    assertEquals(2, charger.boots());
  }

  @Test
  void theCentralSystemStartsAndStopsASessionRemotely() {
    type("plug 1");
    assertTrue(centralSystem.remoteStart(APP_USER, 1), "remote start accepted");
    type("ev-charge 1");
    Started started = awaitValue("a remote start", () -> centralSystem.started().stream().findFirst());
    assertEquals(APP_USER, started.token());
    awaitConnector(c -> c.transactionId().isPresent(), "the transaction to be known at the charger");

    assertTrue(centralSystem.remoteStop(started.transaction()), "remote stop accepted");
    Stopped stopped = awaitOnlyStop();
    assertEquals(started.transaction(), stopped.transaction());
    assertEquals(StopCause.REMOTE, stopped.cause());
  }

  @Test
  void aResetRebootsTheChargerWhichBootsAgainAndIsAvailable() {
    assertTrue(centralSystem.reset(), "reset accepted");
    await("a second boot", () -> centralSystem.boots() == 2);
    awaitAvailableReports(2);
    assertEquals(2, charger.boots());
  }

  /**
   * The central system is unreachable while the session goes on, then the power goes; the charger restarts still
   * offline. Once the central system is back, it hears of the readings taken while it was away and of the end of the
   * transaction, PowerLoss, each once. (Status reports go on their own queue: their order against these is not asserted.)
   */
  @Test
  void aTransactionCutByThePowerWhileOfflineEndsWithPowerLossAndEverythingQueuedArrivesOnce() {
    Started started = startWithTheCard();
    centralSystem.goOffline();
    charger.link().await(false, TIMEOUT);
    Instant offline = Instant.now();
    double energyAtTheCut = awaitConnector(c -> true, "the meter").energyWh();
    awaitConnector(c -> c.energyWh() >= energyAtTheCut + 2, "the meter to move while offline");
    type("power-cut");
    Instant powerCut = Instant.now();
    type("restart");
    centralSystem.goOnline();

    Stopped stopped = awaitOnlyStop();
    assertEquals(started.transaction(), stopped.transaction());
    assertEquals(StopCause.POWER_LOSS, stopped.cause());
    assertTrue(stopped.meterStopWh() >= energyAtTheCut, stopped + ", yet the meter read " + energyAtTheCut + " offline");
    List<Sample> samples = centralSystem.samples().stream().filter(s -> s.transaction().equals(started.transaction())).toList();
    assertTrue(samples.stream().anyMatch(s -> s.at().isAfter(offline) && s.at().isBefore(powerCut)),
        "a reading taken offline, between " + offline + " and " + powerCut + ", arrived: " + samples);
    assertEquals(samples.size(), new HashSet<>(samples).size(), "no reading twice: " + samples);
    assertEquals(1, centralSystem.started().size(), "started once, nothing started by itself");
    assertEquals(2, charger.boots());
  }

  private Started startWithTheCard() {
    type("card " + CARD);
    type("plug 1");
    type("ev-charge 1");
    Started started = awaitValue("a transaction started", () -> centralSystem.started().stream().findFirst());
    awaitConnector(c -> c.transactionId().isPresent(), "the transaction to be known at the charger");
    return started;
  }

  /** Waits for the first stop and checks it is the only one so far. */
  private Stopped awaitOnlyStop() {
    Stopped stopped = awaitValue("a transaction stopped", () -> centralSystem.stopped().stream().findFirst());
    assertEquals(List.of(stopped), centralSystem.stopped());
    return stopped;
  }

  /** Waits until connector 1 has been reported Available {@code times} times (once a boot). */
  private void awaitAvailableReports(int times) {
    await("connector 1 reported Available " + times + " times", () -> centralSystem.statuses().stream()
        .filter(r -> r.connector() == 1 && r.available()).count() >= times);
  }

  private void type(String line) {
    new Console(charger, System.out).execute(ConsoleCommand.parse(line, 1).orElseThrow());
  }

  /** Waits, asking the charge point, until connector 1 passes {@code test}. */
  private ConnectorSnapshot awaitConnector(Predicate<ConnectorSnapshot> test, String what) {
    return awaitValue(what, () -> {
      try {
        ConnectorSnapshot connector = charger.chargePoint().connectors().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getFirst();
        return Optional.of(connector).filter(test);
      } catch (Exception e) {
        return Optional.empty(); // rebooting: ask again
      }
    });
  }

  private void await(String what, BooleanSupplier condition) {
    awaitValue(what, () -> Optional.of(true).filter(ok -> condition.getAsBoolean()));
  }

  /** The first value {@code probe} gives within {@link #TIMEOUT}, polling. */
  private <T> T awaitValue(String what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within " + TIMEOUT.toSeconds() + " s over " + centralSystem.protocol().option()
            + "; statuses " + centralSystem.statuses() + ", started " + centralSystem.started() + ", stopped "
            + centralSystem.stopped() + ", samples " + centralSystem.samples());
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
  }
}
