package dev.kilowatt.storage;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Replacing a whole small file so that a power cut leaves the old content or the new, never a mix. */
final class AtomicFile {

  private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);
  /** What a replacement is written as before it is renamed into place; a crash can leave one behind. */
  static final String TEMPORARY = ".tmp";

  private AtomicFile() {}

  /** Makes {@code file} hold {@code content} (rw------- where permissions exist), durably. */
  static void replace(Path file, byte[] content) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + TEMPORARY);
    try {
      try (FileChannel channel = FileChannel.open(temporary, Set.of(CREATE, TRUNCATE_EXISTING, WRITE),
          OwnerOnly.newFile(temporary))) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        // fdatasync: the content and the size needed to read it back; the file's times need not be durable,
        // and skipping them saves a journal write on every save.
        channel.force(false);
      }
      Files.move(temporary, file, ATOMIC_MOVE, REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw e;
    }
    syncDirectoryIfPossible(file.getParent());
  }

  /** Deletes {@code file} if it exists, durably; deleting a missing file is harmless. */
  static void delete(Path file) throws IOException {
    if (Files.deleteIfExists(file)) {
      syncDirectoryIfPossible(file.getParent());
    }
  }

  /** Makes a rename or deletion in {@code dir} durable: the new entry survives a power cut, not just the data. */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, READ)) {
      channel.force(true);
    }
  }

  /** {@link #syncDirectory}, where the platform can flush a directory at all. */
  static void syncDirectoryIfPossible(Path dir) {
    try {
      syncDirectory(dir);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; there the rename itself is as durable as it gets.
      LOG.trace("cannot flush the directory " + dir, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.debug("cannot remove " + file + "; the next open removes it", e);
    }
  }
}
