package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.port.PilotState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the charge point decides alone: before its first acceptance (section 4.2.1) and after an idTag was invalidated (3.5, 9.1). */
class OfflineRulesTest {

  private static final IdTagInfo ACCEPTED = new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.empty());

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

  @Test
  void maxEnergyOnInvalidIdCountsFromTheMomentTheCentralSystemInvalidatedTheIdTag() {
    Harness h = new Harness().configure("StopTransactionOnInvalidId", "false").configure("MaxEnergyOnInvalidId", "500").online();
    h.cs.automatic = false;
    h.meter().read(0, 0);
    h.ev(PilotState.C);
    h.card("CARD");
    h.reply(AuthorizeRequest.class, new AuthorizeResponse(ACCEPTED));
    h.awaitCall(StartTransactionRequest.class);
    h.meter().read(2_000, 7_000);
    h.run();
    assertTrue(h.relay().closed, "the answer to StartTransaction is still out");
    h.reply(StartTransactionRequest.class,
        new StartTransactionResponse(new IdTagInfo(AuthorizationStatus.INVALID, Optional.empty(), Optional.empty()), 9));
    h.replyFriendly();
    assertTrue(h.relay().closed, "the 2000 Wh before the invalidation do not count");
    h.meter().read(2_499, 7_000);
    h.run();
    assertTrue(h.relay().closed);
    h.meter().read(2_500, 7_000);
    h.run();
    assertFalse(h.relay().closed);
    assertEquals(ChargePointStatus.SUSPENDED_EVSE, h.status());
  }
}
