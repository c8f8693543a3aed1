package dev.kilowatt.examples;

import dev.kilowatt.core.ConnectorSnapshot;
import dev.kilowatt.ocpp.TrafficListener;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChangeConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.ChangeConfigurationRequest;
import eu.chargetime.ocpp.model.core.ConfigurationStatus;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;

/**
 * A simulated charger, built by its Dagger component on the real event loop with file storage in a
 * temporary directory, connected to the ChargeTime central system. Tests drive it with console commands, as
 * a person at the simulator would, and watch what reaches the central system.
 */
abstract class EndToEndFixture extends CentralSystemFixture {

  static final String CARD = "04A1B2C3D4";
  static final String CHARGE_POINT_ID = "KW-E2E-1";
  private static final Duration POLL = Duration.ofMillis(20);

  Simulator charger;

  @AfterEach
  void stopCharger() {
    if (charger != null) {
      charger.close();
    }
  }

  /** The charger's settings for this test: its data directory, the central system, a quick reconnect. */
  SimulatorSettings settings() {
    return SimulatorSettings.of(centralSystem.url(), CHARGE_POINT_ID, dataDirectory).withFastReconnect();
  }

  /** Starts the charger with {@code settings} and waits until it has booted and reported every connector. */
  void boot(SimulatorSettings settings) {
    boot(settings, TrafficListener.NONE);
  }

  /** Starts the charger with {@code settings}, its OCPP frames to {@code traffic}, and waits as {@link #boot(SimulatorSettings)} does. */
  void boot(SimulatorSettings settings, TrafficListener traffic) {
    charger = Simulator.start(settings, traffic, line -> { });
    centralSystem.next(BootNotificationRequest.class);
    awaitAllConnectorsReported(settings.connectors());
  }

  void boot() {
    boot(settings());
  }

  /** Waits for a StatusNotification of connector 0 and of each connector after the cursor, in any order. */
  void awaitAllConnectorsReported(int connectors) {
    for (int id = 0; id <= connectors; id++) {
      int connector = id;
      centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == connector);
    }
  }

  /** Types one console command. */
  void type(String line) {
    new Console(charger, System.out).execute(ConsoleCommand.parse(line, charger.settings().connectors()).orElseThrow());
  }

  /** The EV is plugged into connector 1 and asks for energy. */
  void plugInAndCharge() {
    type("plug 1");
    type("ev-charge 1");
  }

  /** Card first, then plug in and charge: returns the started transaction once connector 1 reports Charging. */
  StartTransactionRequest startCharging() {
    type("card " + CARD);
    plugInAndCharge();
    awaitStartedAndCharging();
    StartTransactionRequest start = centralSystem.next(StartTransactionRequest.class);
    awaitConnector(1, c -> c.transactionId().isPresent(), "the transaction id to reach the charge point");
    return start;
  }

  /**
   * Waits for StartTransaction and for connector 1 to report Charging, in either order (OCPP lets the
   * charge point send them either way), leaving the cursor before both.
   */
  StartTransactionRequest awaitStartedAndCharging() {
    centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Charging);
    return centralSystem.seen(StartTransactionRequest.class, s -> true);
  }

  ConfigurationStatus changeConfiguration(String key, String value) {
    ChangeConfigurationConfirmation answer = centralSystem.call(new ChangeConfigurationRequest(key, value));
    return answer.getStatus();
  }

  /** Waits until the charge point has noticed that the central system is gone. */
  void awaitOffline() {
    charger.link().await(false, TIMEOUT);
  }

  /** Waits, polling the charge point, until connector {@code id} satisfies {@code test}. */
  ConnectorSnapshot awaitConnector(int id, Predicate<ConnectorSnapshot> test, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    ConnectorSnapshot last = null;
    while (System.nanoTime() < deadline) {
      try {
        List<ConnectorSnapshot> connectors = charger.chargePoint().connectors().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        last = connectors.get(id - 1);
        if (test.test(last)) {
          return last;
        }
      } catch (Exception e) {
        // the charger may be rebooting; ask again
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
    throw new AssertionError("no " + what + " within " + TIMEOUT.toSeconds() + " s; connector " + id + " is " + last);
  }
}
