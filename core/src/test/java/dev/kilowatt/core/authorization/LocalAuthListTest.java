package dev.kilowatt.core.authorization;


import static dev.kilowatt.core.authorization.AnsweredAtOnce.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.FaultyStorage;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.ledger.Ledger;
import dev.kilowatt.core.message.AuthorizationData;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.SendLocalListRequest;
import dev.kilowatt.core.message.UpdateStatus;
import dev.kilowatt.core.message.UpdateType;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.storage.WriteBehind;
import dev.kilowatt.core.time.VirtualTime;
import dev.kilowatt.test.InMemoryStorage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The list's own rules: versions, full and differential updates, limits, atomic saving (OCPP 1.6 sections 5.10, 5.15). */
class LocalAuthListTest {

  static final IdTagInfo ACCEPTED = new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.empty());
  static final IdTagInfo BLOCKED = new IdTagInfo(AuthorizationStatus.BLOCKED, Optional.empty(), Optional.empty());

  private final Storage storage = new InMemoryStorage();
  private final Counters counters = new Counters();

  private LocalAuthList list(Map<String, String> settings) {
    return new LocalAuthList(new Configuration(storage, settings), storage, counters);
  }

  private static Optional<AuthorizationDecision> listed(IdTagInfo info) {
    return Optional.of(Authorization.decision(info));
  }

  static AuthorizationData entry(String idTag, IdTagInfo info) {
    return new AuthorizationData(idTag, Optional.of(info));
  }

  static AuthorizationData removal(String idTag) {
    return new AuthorizationData(idTag, Optional.empty());
  }

  static SendLocalListRequest full(int version, AuthorizationData... entries) {
    return new SendLocalListRequest(version, List.of(entries), UpdateType.FULL);
  }

  static SendLocalListRequest differential(int version, AuthorizationData... entries) {
    return new SendLocalListRequest(version, List.of(entries), UpdateType.DIFFERENTIAL);
  }

  @Test
  void anEmptyListHasVersionZeroWhateverVersionTheCentralSystemGaveIt() {
    LocalAuthList list = list(Map.of());
    assertEquals(0, list.version());
    assertEquals(UpdateStatus.ACCEPTED, update(list, full(1)), "TC_042_2_CS: Full, version 1, no list");
    assertEquals(0, list.version());
  }

  @Test
  void aDifferentialNeedsAHigherVersionAFullUpdateDoesNot() {
    LocalAuthList list = list(Map.of());
    assertEquals(UpdateStatus.ACCEPTED, update(list, full(2, entry("A", ACCEPTED))));
    assertEquals(2, list.version());
    assertEquals(UpdateStatus.ACCEPTED, update(list, differential(5, entry("B", ACCEPTED))));
    assertEquals(5, list.version());
    assertEquals(UpdateStatus.VERSION_MISMATCH, update(list, differential(5, entry("C", ACCEPTED))), "equal");
    assertEquals(UpdateStatus.VERSION_MISMATCH, update(list, differential(4, entry("C", ACCEPTED))), "lower");
    assertEquals(5, list.version());
    assertEquals(Optional.empty(), list.find("C"), "a refused update changes nothing");
    assertEquals(UpdateStatus.ACCEPTED, update(list, full(3, entry("C", ACCEPTED))), "a full list may go back in version");
    assertEquals(3, list.version());
    assertEquals(Optional.empty(), list.find("A"), "full replaces");
    assertEquals(listed(ACCEPTED), list.find("C"));
  }

  @Test
  void aDifferentialAddsUpdatesAndRemovesEntriesWithoutIdTagInfo() {
    LocalAuthList list = list(Map.of());
    update(list, full(1, entry("A", ACCEPTED), entry("B", ACCEPTED)));
    assertEquals(UpdateStatus.ACCEPTED, update(list, differential(2, removal("A"), entry("B", BLOCKED), entry("C", ACCEPTED))));
    assertEquals(Optional.empty(), list.find("A"));
    assertEquals(listed(BLOCKED), list.find("B"));
    assertEquals(listed(ACCEPTED), list.find("C"));
    assertEquals(UpdateStatus.ACCEPTED, update(list, differential(3)), "no entries: no effect but the version");
    assertEquals(3, list.version());
    assertEquals(2, list.size());
    assertEquals(UpdateStatus.ACCEPTED, update(list, differential(4, removal("B"), removal("C"))));
    assertEquals(0, list.version(), "emptied by a differential: version 0");
  }

  @Test
  void idTagsAreCaseInsensitive() {
    LocalAuthList list = list(Map.of());
    update(list, full(1, entry("04a1b2c3", ACCEPTED)));
    assertEquals(listed(ACCEPTED), list.find("04A1B2C3"));
    assertEquals(UpdateStatus.ACCEPTED, update(list, differential(2, removal("04A1B2C3"))));
    assertEquals(0, list.size());
  }

  @Test
  void updatesBeyondTheLimitsOrMalformedFailAndChangeNothing() {
    LocalAuthList list = list(Map.of(LocalAuthList.SEND_MAX_LENGTH, "3", LocalAuthList.MAX_LENGTH, "4"));
    update(list, full(1, entry("A", ACCEPTED), entry("B", ACCEPTED)));

    assertEquals(UpdateStatus.FAILED, update(list, full(2, entry("1", ACCEPTED), entry("2", ACCEPTED), entry("3", ACCEPTED),
        entry("4", ACCEPTED))), "more than SendLocalListMaxLength in one request");
    assertEquals(UpdateStatus.FAILED, update(list, differential(2, entry("C", ACCEPTED), entry("D", ACCEPTED), entry("E", ACCEPTED))),
        "the list would exceed LocalAuthListMaxLength");
    assertEquals(UpdateStatus.FAILED, update(list, differential(2, entry("C", ACCEPTED), entry("c", BLOCKED))), "a duplicate idTag");
    assertEquals(UpdateStatus.FAILED, update(list, full(2, removal("C"))), "a full list entry without idTagInfo");
    assertEquals(UpdateStatus.FAILED, update(list, full(0, entry("C", ACCEPTED))), "version 0 means empty");

    assertEquals(1, list.version());
    assertEquals(listed(ACCEPTED), list.find("A"));
    assertEquals(Optional.empty(), list.find("C"));
    assertEquals(5, counters.get("localList.updateRefused"));
    assertEquals(UpdateStatus.ACCEPTED, update(list, differential(2, entry("C", ACCEPTED), entry("D", ACCEPTED))), "exactly at the limit");
  }

  @Test
  void aFailedSaveKeepsTheOldListAndAnswersFailed() {
    FaultyStorage faulty = new FaultyStorage();
    LocalAuthList list = new LocalAuthList(new Configuration(faulty, Map.of()), faulty, counters);
    assertEquals(UpdateStatus.ACCEPTED, update(list, full(1, entry("A", ACCEPTED))));
    faulty.failSavesOf(LocalAuthList.STORAGE_KEY);
    assertEquals(UpdateStatus.FAILED, update(list, full(2, entry("B", ACCEPTED))), "TC_043_3_CS: the charge point cannot store it");
    assertEquals(UpdateStatus.FAILED, update(list, differential(2, entry("B", ACCEPTED))));
    assertEquals(1, list.version());
    assertEquals(Optional.empty(), list.find("B"));
    assertEquals(listed(ACCEPTED), list.find("A"), "the old list is in force again");
    assertEquals(2, counters.get("localList.saveFailed"));
  }

  @Test
  void aRefusedUpdateBringsBackTheListLastMadeDurableNotTheOneBefore() {
    FaultyStorage medium = new FaultyStorage();
    VirtualTime loop = new VirtualTime(Instant.parse("2026-01-05T08:00:00Z"));
    Deque<Runnable> writer = new ArrayDeque<>();
    List<String> faults = new ArrayList<>();
    WriteBehind storage = new WriteBehind(medium, writer::add, loop, new Ledger.FaultListener() {
      @Override
      public void onFault(String reason) {
        faults.add(reason);
      }

      @Override
      public void onCleared() {
        faults.add("cleared");
      }
    });
    LocalAuthList list = new LocalAuthList(new Configuration(storage, Map.of()), storage, counters);
    List<UpdateStatus> answers = new ArrayList<>();
    list.update(full(1, entry("A", ACCEPTED)), answers::add);
    list.update(differential(2, entry("B", ACCEPTED)), answers::add);
    loop.runPending();
    assertEquals(List.of(), answers, "neither is durable yet");
    assertEquals(listed(ACCEPTED), list.find("B"), "both in force at once");

    writer.removeFirst().run();
    loop.runPending();
    assertEquals(List.of(UpdateStatus.ACCEPTED), answers, "version 1 is on the medium");
    medium.failSavesOf(LocalAuthList.STORAGE_KEY);
    writer.removeFirst().run();
    loop.runPending();
    assertEquals(List.of(UpdateStatus.ACCEPTED, UpdateStatus.FAILED), answers);
    assertEquals(1, list.version());
    assertEquals(Optional.empty(), list.find("B"));
    assertEquals(listed(ACCEPTED), list.find("A"));
    assertEquals(List.of("java.io.IOException: No space left on device"), faults);

    medium.failSavesOf(null);
    loop.advance(WriteBehind.RETRY_EVERY);
    writer.forEach(Runnable::run);
    loop.runPending();
    LocalAuthList afterReboot = new LocalAuthList(new Configuration(medium, Map.of()), medium, counters);
    assertEquals(1, afterReboot.version(), "the refused version 2 is never written later");
    assertEquals(Optional.empty(), afterReboot.find("B"));
  }

  @Test
  void disabledListIsNeitherConsultedNorChangedButKept() {
    Configuration config = new Configuration(storage, Map.of());
    LocalAuthList list = new LocalAuthList(config, storage, counters);
    update(list, full(7, entry("A", ACCEPTED)));
    config.change(LocalAuthList.ENABLED, "false", status -> assertEquals(ConfigurationStatus.ACCEPTED, status));
    assertEquals(-1, list.version(), "TC_042_1_CS");
    assertEquals(Optional.empty(), list.find("A"));
    assertEquals(UpdateStatus.NOT_SUPPORTED, update(list, full(8)), "the answer TC_043_1_CS expects of a charger without the list");
    config.change(LocalAuthList.ENABLED, "true", status -> assertEquals(ConfigurationStatus.ACCEPTED, status));
    assertEquals(7, list.version());
    assertEquals(listed(ACCEPTED), list.find("A"));
  }

  @Test
  void theWholeListIsOneStorageRecordAndIsReadBackAfterAReboot() {
    LocalAuthList list = list(Map.of());
    update(list, full(1, IntStream.range(0, 1_000).mapToObj(i -> entry("TAG" + i, ACCEPTED)).toArray(AuthorizationData[]::new)));
    update(list, differential(2, removal("TAG5"), entry("TAG6", BLOCKED)));
    assertEquals(List.of(LocalAuthList.STORAGE_KEY), storage.keys("local"));

    LocalAuthList afterReboot = list(Map.of());
    assertEquals(2, afterReboot.version());
    assertEquals(999, afterReboot.size());
    assertEquals(Optional.empty(), afterReboot.find("TAG5"));
    assertEquals(listed(BLOCKED), afterReboot.find("TAG6"));
    assertTrue(afterReboot.find("TAG999").isPresent());
  }
}
