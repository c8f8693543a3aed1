package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.authorization.LocalAuthList;
import dev.kilowatt.core.message.AuthorizationData;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.GetLocalListVersionRequest;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.SendLocalListRequest;
import dev.kilowatt.core.message.SendLocalListResponse;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.UpdateStatus;
import dev.kilowatt.core.message.UpdateType;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.storage.WriteBehind;
import dev.kilowatt.test.InMemoryStorage;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, defect 6, for SendLocalList: the central system is told Accepted only of a list that is durable, so no
 * power cut takes back a list it was told of, and a save the storage refuses leaves the old list and version in force.
 */
class LocalListOffTheLoopTest {

  private static final IdTagInfo ACCEPTED = new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.empty());
  private static final Optional<Object> NO_ANSWER = Optional.empty();

  private static SendLocalListRequest full(int version, String... idTags) {
    return new SendLocalListRequest(version, cards(List.of(idTags)), UpdateType.FULL);
  }

  private static List<AuthorizationData> cards(List<String> idTags) {
    return idTags.stream().map(idTag -> new AuthorizationData(idTag, Optional.of(ACCEPTED))).toList();
  }

  private static Optional<Object> answer(UpdateStatus status) {
    return Optional.of(new SendLocalListResponse(status));
  }

  private static Harness heldOn(InMemoryStorage medium, HeldWriter writer) {
    Harness h = new Harness(1, medium).customize(b -> b.storageWriter(writer)).online();
    writer.finishAll(h);
    return h;
  }

  private static int version(Harness h) {
    return h.callOk(new GetLocalListVersionRequest()).listVersion();
  }

  /** Whether {@code idTag} starts a transaction offline, where only the local list (and the cache) can let it. */
  private static boolean chargesOffline(Harness h, String idTag) {
    h.cs.goOffline();
    h.run();
    h.ev(PilotState.C);
    h.card(idTag);
    return h.connector(1).transactionRunning();
  }

  @Test
  void sendLocalListIsAnsweredOnlyOnceItsListIsDurable() {
    HeldWriter writer = new HeldWriter();
    InMemoryStorage medium = new InMemoryStorage();
    Harness h = heldOn(medium, writer);

    String call = h.cs.call(full(3, "NEW"));
    h.run();
    assertEquals(NO_ANSWER, h.cs.replyTo(call), "the list is not on the medium yet");
    assertEquals(List.of(), medium.keys(LocalAuthList.STORAGE_KEY));
    assertEquals(3, version(h), "in force at once");

    writer.finishAll(h);
    assertEquals(answer(UpdateStatus.ACCEPTED), h.cs.replyTo(call));
    assertEquals(List.of(LocalAuthList.STORAGE_KEY), medium.keys(LocalAuthList.STORAGE_KEY));
  }

  @Test
  void aPowerCutBeforeTheListIsDurableLeavesTheOldVersionOfWhichTheCentralSystemWasToldNothingElse() {
    HeldWriter writer = new HeldWriter();
    InMemoryStorage medium = new InMemoryStorage();
    Harness h = heldOn(medium, writer);
    String first = h.cs.call(full(1, "OLD"));
    writer.finishAll(h);
    assertEquals(answer(UpdateStatus.ACCEPTED), h.cs.replyTo(first));

    String second = h.cs.call(full(2, "NEW"));
    h.run();
    // the power goes now: the held write never lands, and the charge point stops without a drain
    assertEquals(NO_ANSWER, h.cs.replyTo(second), "never told Accepted");

    Harness after = new Harness(1, medium).online();
    assertEquals(1, version(after));
    assertTrue(chargesOffline(after, "OLD"), "the old list is in force");
  }

  @Test
  void aRefusedSaveAnswersFailedPutsTheOldListBackInForceAndIsAReportedFault() {
    FaultyStorage storage = new FaultyStorage();
    Harness h = new Harness(1, storage).online();
    assertEquals(new SendLocalListResponse(UpdateStatus.ACCEPTED), h.call(full(1, "OLD")));
    storage.failSavesOf(LocalAuthList.STORAGE_KEY);

    assertEquals(new SendLocalListResponse(UpdateStatus.FAILED), h.call(full(2, "NEW")), "TC_043_3_CS");
    assertEquals(1, version(h));
    StatusNotificationRequest fault = lastOfConnectorZero(h);
    assertEquals(ChargePointErrorCode.INTERNAL_ERROR, fault.errorCode());
    assertEquals(Optional.of("StorageWriteFailed"), fault.vendorErrorCode());

    storage.failSavesOf(null);
    assertEquals(new SendLocalListResponse(UpdateStatus.FAILED), h.call(full(3, "OTHER")), "refused at once while the fault lasts");
    assertEquals(1, version(h), "and nothing of it in force");

    h.advance(WriteBehind.RETRY_EVERY);
    assertEquals(ChargePointErrorCode.NO_ERROR, lastOfConnectorZero(h).errorCode(), "the retry clears the fault");
    Harness after = new Harness(1, storage).online();
    assertEquals(1, version(after), "the refused lists are never written later");
    assertEquals(new SendLocalListResponse(UpdateStatus.ACCEPTED), after.call(full(4, "NEW")), "the storage takes writes again");
    assertEquals(4, version(after));
  }

  @Test
  void aFullListOf50000EntriesIsAnsweredOnceDurableAndIsInForceAfterAPowerCut() {
    HeldWriter writer = new HeldWriter();
    InMemoryStorage medium = new InMemoryStorage();
    Harness h = new Harness(1, medium).configure("SendLocalListMaxLength", "50000");
    h.customize(b -> b.storageWriter(writer)).online();
    writer.finishAll(h);
    List<String> idTags = IntStream.range(0, 50_000).mapToObj(i -> String.format("CARD%05d", i)).toList();

    String call = h.cs.call(new SendLocalListRequest(7, cards(idTags), UpdateType.FULL));
    h.run();
    assertEquals(NO_ANSWER, h.cs.replyTo(call));
    writer.finishAll(h);
    assertEquals(answer(UpdateStatus.ACCEPTED), h.cs.replyTo(call));

    Harness after = new Harness(1, medium).online();
    assertEquals(7, version(after));
    assertTrue(chargesOffline(after, "CARD49999"), "the last of the list");
  }

  private static StatusNotificationRequest lastOfConnectorZero(Harness h) {
    return h.cs.sent(StatusNotificationRequest.class).stream().filter(s -> s.connectorId() == 0).reduce((a, b) -> b).orElseThrow();
  }
}
