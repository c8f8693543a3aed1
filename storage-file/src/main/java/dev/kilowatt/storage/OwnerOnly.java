package dev.kilowatt.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner-only permissions for everything the charger stores: a settings file holds the identity the
 * charger presents, the journal holds what it bills, a secret file holds a key. Where the file system has
 * no POSIX permissions (Windows) there is nothing to set; where a mount refuses them (FAT on an SD card)
 * the refusal is logged and the mount's own access rules apply, since a charger that cannot start over it
 * would help no one.
 */
final class OwnerOnly {

  private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);
  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /** Creates {@code directory} (and missing parents) as rwx------, or makes an existing one so. */
  static void directory(Path directory) throws IOException {
    if (!isPosix(directory)) {
      Files.createDirectories(directory);
      return;
    }
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
    }
    restrict(directory, DIRECTORY);
  }

  /** Makes an existing file rw-------, for files written by versions that did not restrict them. */
  static void file(Path file) {
    if (isPosix(file)) {
      restrict(file, FILE);
    }
  }

  /** The attributes that create a file as rw-------, where the file system has them. */
  static FileAttribute<?>[] newFile(Path file) {
    return isPosix(file)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) {
    try {
      Files.setPosixFilePermissions(path, permissions);
    } catch (IOException e) {
      LOG.warn("cannot make " + path + " owner-only; its mount's own rules apply", e);
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
