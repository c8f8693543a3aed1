package dev.kilowatt.core.authorization;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.port.PilotState;
import org.junit.jupiter.api.Test;

/** Offline starts need a central system that once accepted the charge point (section 4.2.1), unless the builder allows them. */
class OfflineRulesTest {

  @Test
  void aChargePointNoCentralSystemEverAcceptedStartsNothingOfflineByDefault() {
    Harness h = new Harness().configure("AllowOfflineTxForUnknownId", "true").start();
    h.ev(PilotState.C);
    h.card("STRANGER");
    assertFalse(h.connector(1).transactionRunning());
    assertFalse(h.relay().closed);
  }

  @Test
  void theBuilderSettingLetsANeverAcceptedChargePointStartOffline() {
    Harness h = new Harness().configure("AllowOfflineTxForUnknownId", "true")
        .customize(b -> b.offlineTransactionsBeforeAcceptance(true)).start();
    h.ev(PilotState.C);
    h.card("STRANGER");
    assertTrue(h.connector(1).transactionRunning());
    assertTrue(h.relay().closed);
  }

  @Test
  void onceAcceptedTheChargePointKeepsItsOfflineRulesAcrossARebootWithoutTheCentralSystem() {
    Harness h = new Harness().configure("AllowOfflineTxForUnknownId", "true").online();
    h.restart();
    h.ev(PilotState.C);
    h.card("STRANGER");
    assertTrue(h.connector(1).transactionRunning());
  }
}
