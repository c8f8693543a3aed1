package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.ledger.StorageJournal;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.storage.FileStorage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's mark of a transaction message made offline, written to the file store and read back as it was. */
class OfflineMarksInFileStorageTest {

  @TempDir
  Path dataDir;

  @Test
  void aStartMadeOfflineIsMarkedInTheFilesAndSaysOfflineAfterAPowerCut() {
    FileStorage storage = FileStorage.open(dataDir);
    Harness h = new Harness(1, storage).configure("AllowOfflineTxForUnknownId", "true");
    h.customize(b -> b.journal(new StorageJournal(storage, Runnable::run, h.time)));
    h.online();
    h.cs.goOffline();
    h.run();
    h.ev(PilotState.C);
    h.card("STRANGER");

    List<Journal.Entry> marks = new StorageJournal(FileStorage.open(dataDir), Runnable::run, h.time).replay().stream()
        .filter(e -> e.key().contains("/offline/")).toList();
    assertEquals(List.of("tx/1/offline/0000000000000000000"), marks.stream().map(Journal.Entry::key).toList());
    assertEquals("Mark[message=0]", marks.getFirst().payload().toString(), "read back from the files as it was written");
    assertEquals(0, FileStorage.open(dataDir).unreadableValues());

    h.restartOnline();
    assertEquals(List.of(StartTransactionRequest.class),
        h.cs.madeOffline().stream().filter(StartTransactionRequest.class::isInstance).map(Object::getClass).toList());
  }
}
