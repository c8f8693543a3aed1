package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.core.time.VirtualTime;
import dev.kilowatt.ocpp.Payloads;
import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingProfile;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingProfileKind;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingProfilePurpose;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingRateUnit;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingSchedule;
import dev.kilowatt.ocpp201.SmartChargingMessages.ChargingSchedulePeriod;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Block K's messages against the OCA schemas both ways, and the profiles refused at the edge, without a network. */
class SmartChargingCallsTest {

  private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");
  private static final String TX = TransactionIds.station(1, T);
  private static final StatusInfo INFO = new StatusInfo("InvalidSchedule", Optional.of("why"));

  private static ChargingSchedule schedule(Optional<Instant> start, Optional<Integer> phaseToUse) {
    return new ChargingSchedule(1, start, Optional.of(3600), ChargingRateUnit.A,
        List.of(new ChargingSchedulePeriod(0, 10, Optional.of(1), phaseToUse)), Optional.of(6.0));
  }

  private static ChargingProfile profile(ChargingProfilePurpose purpose, ChargingProfileKind kind,
      List<ChargingSchedule> schedules, Optional<String> transactionId) {
    return new ChargingProfile(7, 0, purpose, kind, Optional.empty(), Optional.of(T), Optional.empty(), schedules,
        transactionId);
  }

  private static ChargingProfile tx(Optional<String> transactionId) {
    return profile(ChargingProfilePurpose.TxProfile, ChargingProfileKind.Relative,
        List.of(schedule(Optional.empty(), Optional.empty())), transactionId);
  }

  private static String reason(int evseId, ChargingProfile profile) {
    return SmartChargingCalls.refusal(evseId, profile).map(StatusInfo::reasonCode).orElse("none");
  }

  @Test
  void everyCallBindsFromItsSchemaAndItsAnswerConforms() throws Exception {
    Codec codec = new Codec();
    ObjectMapper json = new ObjectMapper();
    Map<Request<?>, Response> exchanges = Map.of(
        new SmartChargingMessages.SetChargingProfileRequest(1, tx(Optional.of(TX))),
        new SmartChargingMessages.SetChargingProfileResponse(SmartChargingMessages.ChargingProfileStatus.Rejected,
            Optional.of(INFO)),
        new SmartChargingMessages.ClearChargingProfileRequest(Optional.of(7), Optional.of(
            new SmartChargingMessages.ClearChargingProfile(Optional.of(0), Optional.of(ChargingProfilePurpose.TxDefaultProfile),
                Optional.of(2)))),
        new SmartChargingMessages.ClearChargingProfileResponse(SmartChargingMessages.ClearChargingProfileStatus.Unknown,
            Optional.empty()),
        new SmartChargingMessages.GetChargingProfilesRequest(3, Optional.of(1), new SmartChargingMessages.ChargingProfileCriterion(
            Optional.of(ChargingProfilePurpose.TxProfile), Optional.of(0), List.of(7, 8),
            List.of(SmartChargingMessages.ChargingLimitSource.CSO))),
        new SmartChargingMessages.GetChargingProfilesResponse(SmartChargingMessages.GetChargingProfileStatus.NoProfiles,
            Optional.empty()),
        new SmartChargingMessages.GetCompositeScheduleRequest(600, Optional.of(ChargingRateUnit.W), 0),
        new SmartChargingMessages.GetCompositeScheduleResponse(SmartChargingMessages.GenericStatus.Accepted, Optional.empty(),
            Optional.of(new SmartChargingMessages.CompositeSchedule(List.of(new ChargingSchedulePeriod(0, 11_000,
                Optional.of(3), Optional.empty())), 0, 600, T, ChargingRateUnit.W))));
    for (Map.Entry<Request<?>, Response> exchange : exchanges.entrySet()) {
      Action action = Action.of(exchange.getKey());
      String payload = json.writeValueAsString(Payloads.skippingUnmodelledProperties().toJson(exchange.getKey()));
      Codec.CallReceived received = assertInstanceOf(Codec.CallReceived.class,
          codec.decode("[2,\"c\",\"" + action.wireName() + "\"," + payload + "]"), action::name);
      assertEquals(exchange.getKey(), received.request());
      assertEquals(3, json.readTree(codec.encodeResult("c", exchange.getValue())).get(0).asInt(), action::name);
    }
  }

  @Test
  void aTxProfileSetOverTwoPointZeroOneReadsBackAsItWasSetButForItsScheduleIdWhichOnePointSixLacks() throws Exception {
    ChargingProfile set = tx(Optional.of(TX));
    List<dev.kilowatt.core.message.Response> answers = new ArrayList<>();
    SmartChargingCalls calls = new SmartChargingCalls(new VirtualTime(T), report -> new CompletableFuture<>());
    CsmsCalls.Exchange exchange = ((Route.Now) calls.translate(new SmartChargingMessages.SetChargingProfileRequest(1, set))
        .orElseThrow()).exchange();
    dev.kilowatt.core.message.SetChargingProfileRequest core =
        (dev.kilowatt.core.message.SetChargingProfileRequest) exchange.requests().getFirst();
    assertEquals(Optional.of(TransactionIds.core(1, T)), core.csChargingProfiles().transactionId());

    ChargingProfile back = ProfileReports.of(core.csChargingProfiles(), T.plusSeconds(600));
    assertEquals(set, back, "its one schedule was id 1 already");
    answers.add(new dev.kilowatt.core.message.SetChargingProfileResponse(dev.kilowatt.core.message.ChargingProfileStatus.NOT_SUPPORTED));
    assertEquals(SmartChargingMessages.ChargingProfileStatus.Rejected,
        ((SmartChargingMessages.SetChargingProfileResponse) exchange.answer().apply(answers)).status());
  }

  @Test
  void aClearOfExternalConstraintsIsUnknownWithoutTheCore() {
    SmartChargingCalls calls = new SmartChargingCalls(new VirtualTime(T), report -> new CompletableFuture<>());
    CsmsCalls.Exchange exchange = ((Route.Now) calls.translate(new SmartChargingMessages.ClearChargingProfileRequest(
        Optional.empty(), Optional.of(new SmartChargingMessages.ClearChargingProfile(Optional.empty(),
            Optional.of(ChargingProfilePurpose.ChargingStationExternalConstraints), Optional.empty())))).orElseThrow()).exchange();
    assertEquals(List.of(), exchange.requests(), "the core is not asked");
    SmartChargingMessages.ClearChargingProfileResponse answer =
        (SmartChargingMessages.ClearChargingProfileResponse) exchange.answer().apply(List.of());
    assertEquals(SmartChargingMessages.ClearChargingProfileStatus.Unknown, answer.status());
    assertEquals("InvalidValue", answer.statusInfo().orElseThrow().reasonCode());
  }

  @Test
  void whatTheCoreCannotHonourIsRefusedWithLibocppsReasonCodes() {
    assertEquals("none", reason(1, tx(Optional.of(TX))));
    assertEquals("MissingParam", reason(1, tx(Optional.empty())), "K01.FR.03");
    assertEquals("TxNotFound", reason(2, tx(Optional.of(TX))), "the transaction runs on EVSE 1");
    assertEquals("TxNotFound", reason(1, tx(Optional.of("made-elsewhere"))));
    assertEquals("InvalidValue", reason(0, tx(Optional.of(TX))));
    assertEquals("InvalidSchedule", reason(1, profile(ChargingProfilePurpose.TxProfile, ChargingProfileKind.Relative,
        List.of(schedule(Optional.empty(), Optional.empty()), schedule(Optional.empty(), Optional.empty())), Optional.of(TX))),
        "one schedule per profile");
    assertEquals("InvalidSchedule", reason(1, profile(ChargingProfilePurpose.TxProfile, ChargingProfileKind.Relative,
        List.of(schedule(Optional.empty(), Optional.of(2))), Optional.of(TX))), "K01.FR.20: no phaseToUse");
    assertEquals("InvalidSchedule", reason(1, profile(ChargingProfilePurpose.TxProfile, ChargingProfileKind.Relative,
        List.of(schedule(Optional.of(T), Optional.empty())), Optional.of(TX))), "K01.FR.41");
    assertEquals("InvalidSchedule", reason(0, profile(ChargingProfilePurpose.TxDefaultProfile, ChargingProfileKind.Absolute,
        List.of(schedule(Optional.empty(), Optional.empty())), Optional.empty())), "K01.FR.40");
    assertEquals("none", reason(0, profile(ChargingProfilePurpose.TxDefaultProfile, ChargingProfileKind.Recurring,
        List.of(schedule(Optional.of(T), Optional.empty())), Optional.empty())));
    assertEquals("InvalidValue", reason(1, profile(ChargingProfilePurpose.ChargingStationMaxProfile,
        ChargingProfileKind.Absolute, List.of(schedule(Optional.of(T), Optional.empty())), Optional.empty())));
    assertEquals("InvalidValue", reason(0, profile(ChargingProfilePurpose.ChargingStationMaxProfile,
        ChargingProfileKind.Relative, List.of(schedule(Optional.empty(), Optional.empty())), Optional.empty())), "K01.FR.38");
    assertEquals("InvalidValue", reason(1, profile(ChargingProfilePurpose.ChargingStationExternalConstraints,
        ChargingProfileKind.Relative, List.of(schedule(Optional.empty(), Optional.empty())), Optional.empty())), "K01.FR.22");
  }
}
