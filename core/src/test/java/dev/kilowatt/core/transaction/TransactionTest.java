package dev.kilowatt.core.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.Measurand;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.SampledValue;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionTest {

  private static final IdTagInfo ACCEPTED = new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.empty());

  @Test
  void cardFirstSessionFromAuthorizationToUnplug() {
    Harness h = new Harness().online();
    h.meter().read(1_000, 0);
    h.card("CARD-1");
    assertEquals("CARD-1", h.cs.sent(AuthorizeRequest.class).get(0).idTag());
    assertEquals(ChargePointStatus.PREPARING, h.status());
    assertEquals(0, h.cs.sent(StartTransactionRequest.class).size(), "no transaction before the EV is plugged in");

    h.ev(PilotState.B);
    StartTransactionRequest start = h.cs.sent(StartTransactionRequest.class).get(0);
    assertEquals(1, start.connectorId());
    assertEquals("CARD-1", start.idTag());
    assertEquals(1_000, start.meterStart());
    assertEquals(16.0, h.pilot().signalled, "the full connector current is offered");
    assertFalse(h.relay().closed, "no power until the EV asks for it");
    assertEquals(ChargePointStatus.SUSPENDED_EV, h.status());

    h.ev(PilotState.C);
    assertTrue(h.relay().closed);
    assertEquals(ChargePointStatus.CHARGING, h.status());
    assertEquals(Optional.of(100), h.connector(1).transactionId());

    h.meter().read(4_680.6, 3_680);
    h.run();
    h.card("CARD-1");
    StopTransactionRequest stop = h.cs.sent(StopTransactionRequest.class).get(0);
    assertEquals(100, stop.transactionId());
    assertEquals(4_680, stop.meterStop());
    assertEquals(Optional.of(Reason.LOCAL), stop.reason());
    assertEquals(Optional.of("CARD-1"), stop.idTag());
    assertFalse(h.relay().closed);
    assertEquals(ChargePointStatus.FINISHING, h.status());

    h.ev(PilotState.A);
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
    assertEquals(List.of("Available", "Preparing", "SuspendedEV", "Charging", "Finishing", "Available"), h.reportedStatuses(1));
  }

  @Test
  void plugFirstThenCard() {
    Harness h = new Harness().online();
    h.ev(PilotState.B);
    assertEquals(ChargePointStatus.PREPARING, h.status());
    h.card("CARD-1");
    assertEquals(1, h.cs.sent(StartTransactionRequest.class).size());
    h.ev(PilotState.C);
    assertEquals(ChargePointStatus.CHARGING, h.status());
  }

  @Test
  void anotherCardOfTheSameGroupStopsTheTransaction() {
    Harness h = new Harness().online();
    h.cs.holdAnswers();
    h.ev(PilotState.B);
    h.card("CARD-A");
    h.reply(AuthorizeRequest.class, new AuthorizeResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.of("FLEET"))));
    h.reply(StartTransactionRequest.class,
        new StartTransactionResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.of("FLEET")), 7));
    h.replyFriendly();
    h.card("CARD-B");
    AuthorizeRequest second = h.reply(AuthorizeRequest.class,
        new AuthorizeResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.of("FLEET"))));
    assertEquals("CARD-B", second.idTag());
    StopTransactionRequest stop = h.reply(StopTransactionRequest.class, new dev.kilowatt.core.message.StopTransactionResponse(Optional.empty()));
    assertEquals(7, stop.transactionId());
    assertEquals(Optional.of("CARD-B"), stop.idTag());
  }

  @Test
  void idTagsAreCaseInsensitive() {
    Harness h = new Harness().online();
    h.ev(PilotState.C);
    h.card("abcd1234");
    h.card("ABCD1234");
    assertEquals(Optional.of(Reason.LOCAL), h.cs.sent(StopTransactionRequest.class).get(0).reason());
  }

  @Test
  void aStrangersCardDoesNotStopTheTransaction() {
    Harness h = new Harness().online();
    h.ev(PilotState.C);
    h.card("OWNER");
    h.card("STRANGER");
    assertEquals(0, h.cs.sent(StopTransactionRequest.class).size());
    assertEquals(ChargePointStatus.CHARGING, h.status());
  }

  @Test
  void unpluggingStopsTheTransactionWithEvDisconnected() {
    Harness h = new Harness().online();
    h.ev(PilotState.C);
    h.card("CARD");
    h.ev(PilotState.A);
    assertEquals(Optional.of(Reason.EV_DISCONNECTED), h.cs.sent(StopTransactionRequest.class).get(0).reason());
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
  }

  @Test
  void messagesLeaveInTheOrderTheyWereMadeSoTheStopPrecedesTheStatusAfterIt() {
    Harness h = new Harness().online();
    h.ev(PilotState.C);
    h.card("CARD");
    int before = h.cs.calls().size();
    h.ev(PilotState.A);
    List<String> order = h.cs.calls().subList(before, h.cs.calls().size()).stream().map(r -> r.action().ocppName()).toList();
    assertEquals(List.of("StopTransaction", "StatusNotification"), order);
  }

  @Test
  void unpluggingSuspendsWhenStopTransactionOnEvSideDisconnectIsOff() {
    Harness h = new Harness().configure("StopTransactionOnEVSideDisconnect", "false").online();
    h.ev(PilotState.C);
    h.card("CARD");
    h.ev(PilotState.A);
    assertEquals(0, h.cs.sent(StopTransactionRequest.class).size());
    assertEquals(ChargePointStatus.SUSPENDED_EV, h.status());
  }

  @Test
  void authorizationLapsesAfterConnectionTimeOut() {
    Harness h = new Harness().configure("ConnectionTimeOut", "30").online();
    h.card("CARD");
    assertEquals(ChargePointStatus.PREPARING, h.status());
    h.advance(Duration.ofSeconds(30));
    assertEquals(ChargePointStatus.AVAILABLE, h.status());
    h.ev(PilotState.B);
    assertEquals(0, h.cs.sent(StartTransactionRequest.class).size());
  }

  @Test
  void rejectedCardStartsNothing() {
    Harness h = new Harness().online();
    h.cs.holdAnswers();
    h.ev(PilotState.B);
    h.card("BLOCKED");
    h.reply(AuthorizeRequest.class, new AuthorizeResponse(new IdTagInfo(AuthorizationStatus.BLOCKED, Optional.empty(), Optional.empty())));
    h.replyFriendly();
    assertEquals(0, h.cs.sent(StartTransactionRequest.class).size());
    assertEquals(ChargePointStatus.PREPARING, h.status());
  }

  @Test
  void invalidIdAtStartStopsTheTransactionWithDeAuthorized() {
    Harness h = new Harness().online();
    h.cs.holdAnswers();
    h.ev(PilotState.C);
    h.card("CARD");
    h.reply(AuthorizeRequest.class, new AuthorizeResponse(ACCEPTED));
    h.reply(StartTransactionRequest.class,
        new StartTransactionResponse(new IdTagInfo(AuthorizationStatus.INVALID, Optional.empty(), Optional.empty()), 9));
    StopTransactionRequest stop = h.reply(StopTransactionRequest.class, new dev.kilowatt.core.message.StopTransactionResponse(Optional.empty()));
    assertEquals(9, stop.transactionId());
    assertEquals(Optional.of(Reason.DE_AUTHORIZED), stop.reason());
    assertFalse(h.relay().closed);
  }

  /** A transaction whose StartTransaction.req waits for the test's answer, StopTransactionOnInvalidId off, 500 Wh allowed. */
  private static Harness awaitingStartAnswer() {
    Harness h = new Harness().configure("StopTransactionOnInvalidId", "false").configure("MaxEnergyOnInvalidId", "500").online();
    h.cs.holdAnswers();
    h.meter().read(0, 0);
    h.ev(PilotState.C);
    h.card("CARD");
    h.reply(AuthorizeRequest.class, new AuthorizeResponse(ACCEPTED));
    h.awaitCall(StartTransactionRequest.class);
    return h;
  }

  private static void invalidate(Harness h) {
    h.reply(StartTransactionRequest.class,
        new StartTransactionResponse(new IdTagInfo(AuthorizationStatus.INVALID, Optional.empty(), Optional.empty()), 9));
    h.replyFriendly();
  }

  @Test
  void invalidIdAtStartSuspendsWhenStopTransactionOnInvalidIdIsOff() {
    Harness h = awaitingStartAnswer();
    invalidate(h);
    assertTrue(h.relay().closed, "up to MaxEnergyOnInvalidId may still flow");
    h.meter().read(499, 3_000);
    h.run();
    assertTrue(h.relay().closed);
    h.meter().read(500, 3_000);
    h.run();
    assertFalse(h.relay().closed);
    assertEquals(ChargePointStatus.SUSPENDED_EVSE, h.status());
  }

  @Test
  void maxEnergyOnInvalidIdCountsFromTheMomentTheCentralSystemInvalidatedTheIdTag() {
    Harness h = awaitingStartAnswer();
    h.meter().read(2_000, 7_000);
    h.run();
    assertTrue(h.relay().closed, "the answer to StartTransaction is still out");
    invalidate(h);
    assertTrue(h.relay().closed, "the 2000 Wh before the invalidation do not count (sections 3.5 and 9.1)");
    h.meter().read(2_499, 7_000);
    h.run();
    assertTrue(h.relay().closed);
    h.meter().read(2_500, 7_000);
    h.run();
    assertFalse(h.relay().closed);
    assertEquals(ChargePointStatus.SUSPENDED_EVSE, h.status());
  }

  @Test
  void sampledMeterValuesCarryTheConfiguredMeasurandsAndStopDataGoesIntoStopTransaction() {
    Harness h = new Harness().configure("MeterValueSampleInterval", "60").configure("StopTxnSampledData", "Energy.Active.Import.Register")
        .online();
    h.meter().read(10_000, 0);
    h.ev(PilotState.C);
    h.card("CARD");
    h.meter().read(10_060, 3_680);
    h.advance(Duration.ofSeconds(60));
    MeterValuesRequest values = h.cs.sent(MeterValuesRequest.class).get(0);
    assertEquals(Optional.of(100), values.transactionId());
    List<SampledValue> sampled = values.meterValue().get(0).sampledValue();
    assertEquals(List.of(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, Measurand.POWER_ACTIVE_IMPORT, Measurand.CURRENT_IMPORT, Measurand.VOLTAGE),
        sampled.stream().map(v -> v.measurand().orElseThrow()).toList());
    assertEquals("10060", sampled.get(0).value());
    assertEquals("Wh", sampled.get(0).unit().orElseThrow().ocppValue());
    assertEquals("L1", sampled.get(2).phase().orElseThrow().ocppValue());
    assertEquals("L1-N", sampled.get(3).phase().orElseThrow().ocppValue());
    assertEquals(Optional.of(ReadingContext.SAMPLE_PERIODIC), sampled.get(0).context());
    assertEquals("Outlet", sampled.get(0).location().orElseThrow().ocppValue());

    h.card("CARD");
    StopTransactionRequest stop = h.cs.sent(StopTransactionRequest.class).get(0);
    assertEquals(List.of(ReadingContext.TRANSACTION_BEGIN, ReadingContext.SAMPLE_PERIODIC, ReadingContext.TRANSACTION_END),
        stop.transactionData().stream().map(m -> m.sampledValue().get(0).context().orElseThrow()).toList());
  }

  @Test
  void clockAlignedValuesAreSentOnTheClockBoundary() {
    Harness h = new Harness().configure("ClockAlignedDataInterval", "900").online();
    h.meter().read(5_000, 0);
    h.advance(Duration.ofMinutes(14).plusSeconds(59));
    assertEquals(0, h.cs.sent(MeterValuesRequest.class).size());
    h.advance(Duration.ofSeconds(1));
    MeterValuesRequest values = h.cs.sent(MeterValuesRequest.class).get(0);
    assertEquals(Optional.empty(), values.transactionId());
    assertEquals(Harness.START.plus(Duration.ofMinutes(15)), values.meterValue().get(0).timestamp());
    assertEquals(Optional.of(ReadingContext.SAMPLE_CLOCK), values.meterValue().get(0).sampledValue().get(0).context());
  }

  @Test
  void faultStopsPowerAndReportsFaulted() {
    Harness h = new Harness().online();
    h.ev(PilotState.C);
    h.card("CARD");
    assertTrue(h.relay().closed);
    h.pilot().fault(new dev.kilowatt.core.port.HardwareFault("rcm", dev.kilowatt.core.ConnectorFault.GROUND_FAILURE,
        "RCM_TRIP", ""));
    h.run();
    assertFalse(h.relay().closed);
    assertEquals(ChargePointStatus.FAULTED, h.status());
    var last = h.cs.sent(dev.kilowatt.core.message.StatusNotificationRequest.class).getLast();
    assertEquals(dev.kilowatt.core.message.ChargePointErrorCode.GROUND_FAILURE, last.errorCode());
    assertEquals(Optional.of("RCM_TRIP"), last.vendorErrorCode());
  }
}
