package dev.kilowatt.storage;

import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Secret;
import dev.kilowatt.core.port.SecretStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SecretStore} for boards without a secure element: each secret is a file of its raw bytes in a
 * directory of its own, kept apart from the settings so that a diagnostics archive of the data directory
 * never includes it. The directory is rwx------ and each file rw------- where the file system has POSIX
 * permissions, also when they were looser before; a secret is replaced atomically. Logs name secrets,
 * never their content. Methods are synchronized; any thread may call them. Each write and erase syncs the file and its
 * directory, which on flash takes its time: the charge point makes them on its storage writer, off the event loop, and
 * answers what depends on a secret once it is written.
 */
public final class FileSecretStore implements SecretStore {

  private static final Logger LOG = LoggerFactory.getLogger(FileSecretStore.class);
  private static final String SECRET = ".secret";
  /** The secrets directory inside a {@link FileStorage} data directory, which the storage's files never include. */
  public static final String DIRECTORY = "secrets";

  private final Path directory;

  private FileSecretStore(Path directory) {
    this.directory = directory;
  }

  /**
   * Opens the secrets directory, creating it if needed, and makes it and its files owner-only.
   *
   * @param secretsDir the directory that holds only the secrets, one file each
   * @return the opened store
   * @throws UncheckedIOException if the directory cannot be created or listed
   */
  public static FileSecretStore open(Path secretsDir) {
    Path directory = secretsDir.toAbsolutePath();
    try {
      OwnerOnly.directory(directory);
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          if (file.getFileName().toString().endsWith(SECRET + AtomicFile.TEMPORARY)) {
            Files.delete(file);
          } else {
            OwnerOnly.file(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the secrets directory " + directory, e);
    }
    return new FileSecretStore(directory);
  }

  /**
   * The secrets of the charger whose {@link FileStorage} is in {@code dataDir}: its {@value #DIRECTORY} directory.
   *
   * @param dataDir the charger's data directory
   * @return the store in the data directory's secrets directory, opened
   */
  public static FileSecretStore inDataDirectory(Path dataDir) {
    return open(dataDir.resolve(DIRECTORY));
  }

  @Override
  public synchronized Optional<Secret> read(String name) {
    Path file = fileOf(name);
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length == 0) {
        LOG.warn("the secret \"{}\" is empty; treating it as absent", name);
        return Optional.empty();
      }
      return Optional.of(Secret.of(bytes));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("cannot read the secret \"" + name + "\"; treating it as absent", e);
      return Optional.empty();
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code name} is not a storage key
   */
  @Override
  public synchronized void write(String name, Secret secret) {
    Objects.requireNonNull(secret, "secret");
    Path file = fileOf(name);
    try {
      AtomicFile.replace(file, secret.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the secret \"" + name + "\" in " + directory, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws UncheckedIOException if the medium refuses the deletion
   */
  @Override
  public synchronized void erase(String name) {
    Path file = fileOf(name);
    try {
      AtomicFile.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot erase the secret \"" + name + "\" in " + directory, e);
    }
  }

  private Path fileOf(String name) {
    return directory.resolve(Journal.requireKey(name).replace('/', '+') + SECRET);
  }
}
