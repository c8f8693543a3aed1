package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.ClearCacheStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.message.UpdateStatus;
import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import dev.kilowatt.ocpp201.Enums.IdTokenType;
import dev.kilowatt.ocpp201.LocalAuthMessages.AuthorizationData;
import dev.kilowatt.ocpp201.LocalAuthMessages.ClearCacheRequest;
import dev.kilowatt.ocpp201.LocalAuthMessages.ClearCacheResponse;
import dev.kilowatt.ocpp201.LocalAuthMessages.GetLocalListVersionRequest;
import dev.kilowatt.ocpp201.LocalAuthMessages.GetLocalListVersionResponse;
import dev.kilowatt.ocpp201.LocalAuthMessages.SendLocalListRequest;
import dev.kilowatt.ocpp201.LocalAuthMessages.SendLocalListResponse;
import dev.kilowatt.ocpp201.LocalAuthMessages.SendLocalListStatus;
import dev.kilowatt.ocpp201.LocalAuthMessages.UpdateType;
import dev.kilowatt.ocpp201.Types.IdToken;
import dev.kilowatt.ocpp201.Types.IdTokenInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ClearCache, SendLocalList and GetLocalListVersion as the core's calls, and the core's answers back, without a network. */
class LocalAuthCallsTest {

  private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
  /** A station of two EVSEs, as the core reported them. */
  private final LocalAuthCalls calls = new LocalAuthCalls(() -> Set.of(1, 2));

  private static IdTokenInfo info(Enums.AuthorizationStatus status, List<Integer> evseId, Optional<IdToken> group) {
    return new IdTokenInfo(status, Optional.of(UNTIL), Optional.of(3), Optional.of("nl"), evseId, Optional.empty(),
        group, Optional.empty());
  }

  private static AuthorizationData entry(String idToken, Enums.AuthorizationStatus status) {
    return new AuthorizationData(IdToken.of(idToken, IdTokenType.ISO14443),
        Optional.of(info(status, List.of(), Optional.empty())));
  }

  private Exchange now(Messages.Request<?> request) {
    return assertInstanceOf(Route.Now.class, calls.translate(request).orElseThrow()).exchange();
  }

  private static Messages.Response answered(Exchange exchange, Response... answers) {
    return exchange.answer().apply(List.of(answers));
  }

  private SendLocalListResponse refused(SendLocalListRequest request) {
    Exchange exchange = now(request);
    assertEquals(List.of(), exchange.requests(), "refused without the core");
    SendLocalListResponse answer = assertInstanceOf(SendLocalListResponse.class, answered(exchange));
    assertEquals(SendLocalListStatus.Failed, answer.status());
    return answer;
  }

  @Test
  void aFullListIsTheCoresFullListEachIdTokenAnIdTagAndEachIdTokenInfoTheDecisionItCarries() {
    Exchange exchange = now(new SendLocalListRequest(4, UpdateType.Full, List.of(
        new AuthorizationData(new IdToken("04a1b2c3", IdTokenType.ISO14443,
            List.of(new Types.AdditionalInfo("contract-7", "ContractId"))),
            Optional.of(info(Enums.AuthorizationStatus.Accepted, List.of(), Optional.of(IdToken.of("FLEET", IdTokenType.Central))))),
        entry("0BADCA4D", Enums.AuthorizationStatus.NoCredit))));

    assertEquals(List.of(new dev.kilowatt.core.message.SendLocalListRequest(4, List.of(
        new dev.kilowatt.core.message.AuthorizationData("04a1b2c3",
            Optional.of(new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.of(UNTIL), Optional.of("FLEET")))),
        new dev.kilowatt.core.message.AuthorizationData("0BADCA4D",
            Optional.of(new IdTagInfo(AuthorizationStatus.INVALID, Optional.of(UNTIL), Optional.empty())))),
        dev.kilowatt.core.message.UpdateType.FULL)), exchange.requests());
  }

  @Test
  void aDifferentialEntryWithoutIdTokenInfoRemovesTheIdTag() {
    Exchange exchange = now(new SendLocalListRequest(5, UpdateType.Differential,
        List.of(new AuthorizationData(IdToken.of("LOST-1", IdTokenType.ISO15693), Optional.empty()))));

    assertEquals(List.of(new dev.kilowatt.core.message.SendLocalListRequest(5,
            List.of(new dev.kilowatt.core.message.AuthorizationData("LOST-1", Optional.empty())),
            dev.kilowatt.core.message.UpdateType.DIFFERENTIAL)), exchange.requests());
  }

  @Test
  void theCoresAnswersKeepTheirNamesAndItsNotSupportedOfADisabledListIsFailed() {
    Exchange exchange = now(new SendLocalListRequest(5, UpdateType.Differential, List.of()));
    assertEquals(SendLocalListStatus.Accepted, status(exchange, UpdateStatus.ACCEPTED));
    assertEquals(SendLocalListStatus.Failed, status(exchange, UpdateStatus.FAILED));
    assertEquals(SendLocalListStatus.VersionMismatch, status(exchange, UpdateStatus.VERSION_MISMATCH));
    SendLocalListResponse disabled = assertInstanceOf(SendLocalListResponse.class,
        answered(exchange, new dev.kilowatt.core.message.SendLocalListResponse(UpdateStatus.NOT_SUPPORTED)));
    assertEquals(SendLocalListStatus.Failed, disabled.status());
    assertEquals("Disabled", disabled.statusInfo().orElseThrow().reasonCode());
  }

  private static SendLocalListStatus status(Exchange exchange, UpdateStatus core) {
    return ((SendLocalListResponse) answered(exchange, new dev.kilowatt.core.message.SendLocalListResponse(core))).status();
  }

  @Test
  void aVersionOfZeroOrLessIsFailedWithoutTheCoreEvenForADifferentialUpdate() {
    assertEquals("InvalidVersion", refused(new SendLocalListRequest(0, UpdateType.Differential,
        List.of(entry("04A1B2C3", Enums.AuthorizationStatus.Accepted)))).statusInfo().orElseThrow().reasonCode());
    assertEquals("InvalidVersion", refused(new SendLocalListRequest(-1, UpdateType.Full, List.of()))
        .statusInfo().orElseThrow().reasonCode());
  }

  @Test
  void anIdTokenOrAGroupLongerThanTheCoresIdTagFailsTheWholeUpdate() {
    String longest = "X".repeat(LocalAuthCalls.ID_TAG_LENGTH);
    String tooLong = longest + "Y";
    assertEquals("IdTokenTooLong", refused(new SendLocalListRequest(2, UpdateType.Full, List.of(
        entry("04A1B2C3", Enums.AuthorizationStatus.Accepted), entry(tooLong, Enums.AuthorizationStatus.Accepted))))
        .statusInfo().orElseThrow().reasonCode());
    assertEquals("IdTokenTooLong", refused(new SendLocalListRequest(2, UpdateType.Full, List.of(
        new AuthorizationData(IdToken.of("04A1B2C3", IdTokenType.ISO14443), Optional.of(info(
            Enums.AuthorizationStatus.Accepted, List.of(), Optional.of(IdToken.of(tooLong, IdTokenType.Central))))))))
        .statusInfo().orElseThrow().reasonCode());

    assertEquals(1, now(new SendLocalListRequest(2, UpdateType.Full,
        List.of(entry(longest, Enums.AuthorizationStatus.Accepted)))).requests().size(), "20 characters fit");
  }

  @Test
  void aTokenRestrictedToSomeOfTheStationsEvsesFailsTheUpdateAndOneNamingThemAllIsTaken() {
    SendLocalListResponse restricted = refused(new SendLocalListRequest(2, UpdateType.Differential, List.of(
        new AuthorizationData(IdToken.of("04A1B2C3", IdTokenType.ISO14443),
            Optional.of(info(Enums.AuthorizationStatus.Accepted, List.of(2), Optional.empty()))))));
    assertEquals("EvseRestriction", restricted.statusInfo().orElseThrow().reasonCode());
    assertTrue(restricted.statusInfo().orElseThrow().additionalInfo().orElseThrow().contains("04A1B2C3"));

    Exchange everywhere = now(new SendLocalListRequest(2, UpdateType.Differential, List.of(
        new AuthorizationData(IdToken.of("04A1B2C3", IdTokenType.ISO14443),
            Optional.of(info(Enums.AuthorizationStatus.Accepted, List.of(2, 1), Optional.empty()))))));
    assertEquals(1, everywhere.requests().size(), "a restriction to every EVSE restricts nothing");
  }

  @Test
  void getLocalListVersionIsTheCoresVersionAndItsMinusOneOfADisabledListIsZero() {
    Exchange exchange = now(new GetLocalListVersionRequest());
    assertEquals(List.of(new dev.kilowatt.core.message.GetLocalListVersionRequest()), exchange.requests());
    assertEquals(new GetLocalListVersionResponse(7),
        answered(exchange, new dev.kilowatt.core.message.GetLocalListVersionResponse(7)));
    assertEquals(new GetLocalListVersionResponse(0),
        answered(exchange, new dev.kilowatt.core.message.GetLocalListVersionResponse(0)));
    assertEquals(new GetLocalListVersionResponse(0),
        answered(exchange, new dev.kilowatt.core.message.GetLocalListVersionResponse(-1)));
  }

  @Test
  void clearCacheAsksWhetherTheCacheIsEnabledAndOnlyThenClearsIt() {
    Route.AfterAnswer route = assertInstanceOf(Route.AfterAnswer.class, calls.translate(new ClearCacheRequest()).orElseThrow());
    assertEquals(new GetConfigurationRequest(List.of("AuthorizationCacheEnabled")), route.question());

    Exchange disabled = route.exchange().apply(cacheEnabled("false"));
    assertEquals(List.of(), disabled.requests(), "C11.FR.04: a disabled cache is not cleared");
    ClearCacheResponse rejected = assertInstanceOf(ClearCacheResponse.class, answered(disabled));
    assertEquals(LocalAuthMessages.ClearCacheStatus.Rejected, rejected.status());
    assertEquals("Disabled", rejected.statusInfo().orElseThrow().reasonCode());

    Exchange enabled = route.exchange().apply(cacheEnabled("true"));
    assertEquals(List.of(new dev.kilowatt.core.message.ClearCacheRequest()), enabled.requests());
    assertEquals(LocalAuthMessages.ClearCacheStatus.Accepted, ((ClearCacheResponse) answered(enabled,
        new dev.kilowatt.core.message.ClearCacheResponse(ClearCacheStatus.ACCEPTED))).status());
    assertEquals(LocalAuthMessages.ClearCacheStatus.Rejected, ((ClearCacheResponse) answered(enabled,
        new dev.kilowatt.core.message.ClearCacheResponse(ClearCacheStatus.REJECTED))).status(), "C11.FR.05");

    assertEquals(List.of(), route.exchange().apply(new GetConfigurationResponse(List.of(), List.of("AuthorizationCacheEnabled")))
        .requests(), "a core without the key has no cache to clear");
  }

  private static GetConfigurationResponse cacheEnabled(String value) {
    return new GetConfigurationResponse(List.of(new KeyValue("AuthorizationCacheEnabled", false, Optional.of(value))), List.of());
  }

  @Test
  void theCallsOfOtherBlocksAreNotThese() {
    assertEquals(Optional.empty(), calls.translate(new Messages.HeartbeatRequest()));
  }
}
