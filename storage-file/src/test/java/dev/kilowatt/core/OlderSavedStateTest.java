package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.authorization.Authorization;
import dev.kilowatt.core.authorization.AuthorizationDecision;
import dev.kilowatt.core.authorization.AuthorizationDecision.Status;
import dev.kilowatt.core.authorization.KnownIdTag;
import dev.kilowatt.core.authorization.LocalAuthList;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.time.EventLoop;
import dev.kilowatt.core.transaction.TransactionLedger;
import dev.kilowatt.storage.FileJournal;
import dev.kilowatt.storage.FileStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory of a version that kept OCPP 1.6 records as its state (IdTagInfo, AuthorizationData) loads
 * into the domain's own types. The files are exactly what that version wrote (the journal segment in the test
 * resources too).
 */
class OlderSavedStateTest {

  private static final Instant EXPIRY = Instant.parse("2024-05-17T10:02:41Z");

  @TempDir
  Path dataDir;

  @Test
  void theAuthorizationCacheOfIdTagInfosLoadsAsDecisions() throws IOException {
    write("authorization-cache", "{\"entries\":[{\"idTag\":\"04A2B3C4\",\"idTagInfo\":{\"status\":\"ACCEPTED\","
        + "\"expiryDate\":\"2024-05-17T10:02:41Z\",\"parentIdTag\":\"FLEET\"}},{\"idTag\":\"DEADBEEF\",\"idTagInfo\":{\"status\":\"CONCURRENT_TX\"}}]}");

    Optional<Authorization.CacheEntries> cache = FileStorage.open(dataDir).load(Authorization.CACHE_KEY, Authorization.CacheEntries.class);

    assertEquals(Optional.of(new Authorization.CacheEntries(List.of(
        new KnownIdTag("04A2B3C4", new AuthorizationDecision(Status.ACCEPTED, Optional.of(EXPIRY), Optional.of("FLEET"))),
        new KnownIdTag("DEADBEEF", AuthorizationDecision.of(Status.CONCURRENT_TX))))), cache);
  }

  @Test
  void theLocalListOfAuthorizationDataLoadsWithItsVersion() throws IOException {
    write(LocalAuthList.STORAGE_KEY, "{\"version\":3,\"entries\":[{\"idTag\":\"TAG1\",\"idTagInfo\":{\"status\":\"BLOCKED\",\"parentIdTag\":\"FLEET\"}}]}");
    FileStorage storage = FileStorage.open(dataDir);

    LocalAuthList list = new LocalAuthList(new Configuration(storage, Map.of()), storage, new Counters());

    assertEquals(3, list.version());
    assertEquals(Optional.of(new AuthorizationDecision(Status.BLOCKED, Optional.empty(), Optional.of("FLEET"))), list.find("tag1"));
    assertEquals(0, storage.unreadableValues());
  }

  @Test
  void aRecordedStartAnswerWithItsIdTagInfoLoads() throws IOException {
    write("answer", "{\"transactionId\":90210,\"idTagInfo\":{\"status\":\"INVALID\",\"parentIdTag\":\"FLEET\"}}");

    assertEquals(Optional.of(new TransactionLedger.StartAnswer(90_210, new AuthorizationDecision(Status.INVALID, Optional.empty(),
        Optional.of("FLEET")))), FileStorage.open(dataDir).load("answer", TransactionLedger.StartAnswer.class));
  }

  @Test
  void aJournalWithAStartAnswerOfAnIdTagInfoReplaysItAsADecision() throws IOException {
    Path journalDir = dataDir.resolve("journal");
    Files.createDirectories(journalDir);
    try (InputStream segment = getClass().getResourceAsStream("older-journal/journal-000000000001.log")) {
      Files.copy(segment, journalDir.resolve("journal-000000000001.log"));
    }
    try (EventLoop loop = new EventLoop(); FileJournal journal = FileJournal.open(journalDir, loop)) {
      List<Journal.Entry> entries = journal.replay();

      assertEquals(List.of("tx/7/start", "tx/7/answer"), entries.stream().map(Journal.Entry::key).toList());
      assertEquals(Optional.of("04A2B3C4"), entries.get(0).payload(Transaction.class).map(Transaction::idTag));
      assertEquals(Optional.of(new TransactionLedger.StartAnswer(90_210, new AuthorizationDecision(Status.CONCURRENT_TX,
          Optional.of(Instant.parse("2024-06-01T00:00:00Z")), Optional.of("FLEET")))), entries.get(1).payload(TransactionLedger.StartAnswer.class));
    }
  }

  private void write(String key, String json) throws IOException {
    Files.writeString(dataDir.resolve(key.replace('/', '+') + ".json"), json);
  }
}
