package dev.kilowatt.storage;

import dev.kilowatt.core.port.Journal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the journal keeps the intact records a start could not read: {@code unreadable/} in the journal's
 * directory, owner-only, one file per record named after its segment and the offset of its frame, holding the
 * record's body as it was written. Nothing removes them: compaction drops such a record from the segments, so
 * the copy is then the only one, there for a person or a later version to read.
 */
final class SetAside {

  private static final Logger LOG = LoggerFactory.getLogger(SetAside.class);
  /** The directory inside the journal's where the records are kept. */
  static final String DIRECTORY = "unreadable";

  private SetAside() {}

  /**
   * Keeps {@code record}, found in {@code segment}, in the journal's {@code unreadable/}, unless an earlier start
   * kept it already; a medium that refuses is logged and said in what it returns.
   */
  static Journal.Unreadable keep(Path journalDirectory, Path segment, Segment.Unreadable record) {
    String where = segment.getFileName() + " at byte " + record.offset();
    Path directory = journalDirectory.resolve(DIRECTORY);
    Path file = directory.resolve(segment.getFileName() + "-at-" + record.offset() + ".record");
    try {
      OwnerOnly.directory(directory);
      if (!Files.exists(file)) {
        AtomicFile.replace(file, record.body());
        LOG.warn("{}: kept the record that cannot be read in {}", where, file);
      }
      return new Journal.Unreadable(where, file.toString(), record.reason());
    } catch (IOException e) {
      LOG.error(where + ": cannot keep the record that cannot be read in " + directory, e);
      return new Journal.Unreadable(where, "nowhere, the medium refused: " + e.getMessage(), record.reason());
    }
  }
}
