package dev.kilowatt.storage;


import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import dev.kilowatt.core.port.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Storage}: each value is a JSON file in one data directory, replaced atomically and
 * flushed to the medium before {@link #save} returns, so a power cut leaves the old value or the new one.
 *
 * <p>Keys are 1 to 200 characters from {@code [A-Za-z0-9._/-]}, not starting with {@code /} and without
 * {@code ..}; anything else is refused with {@link IllegalArgumentException}. The key {@code outbox/42} is
 * the file {@code outbox+42.json}: one flat directory keeps every rename and directory flush in one place,
 * and {@code +} cannot occur in a key, so no two keys share a file.
 *
 * <p>A file that cannot be read back as the requested type (corrupted, truncated, written by an
 * incompatible version) is logged, counted in {@link #unreadableValues()}, reported as absent and kept
 * aside as {@code <file>.corrupt} for inspection. The directory and its files are owner-only (rwx------,
 * rw-------) where the file system has POSIX permissions, also when an older version left them readable.
 * Methods are synchronized; any thread may call them.
 */
public final class FileStorage implements Storage {

  private static final Logger LOG = LoggerFactory.getLogger(FileStorage.class);
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._/-]{1,200}");
  private static final String VALUE = ".json";
  private static final String CORRUPT = ".corrupt";

  private final Path directory;
  private final ValueCodec codec = new ValueCodec();
  private int unreadableValues;

  private FileStorage(Path directory) {
    this.directory = directory;
  }

  /**
   * Opens the data directory, creating it if needed, and removes half-written files a crash left behind.
   *
   * @param dataDir the directory the charger keeps its configuration, ledgers and other durable state in
   * @return the opened storage
   * @throws UncheckedIOException if the directory cannot be created or listed
   */
  public static FileStorage open(Path dataDir) {
    Path directory = dataDir.toAbsolutePath();
    try {
      boolean created = !Files.isDirectory(directory);
      OwnerOnly.directory(directory);
      if (created) {
        AtomicFile.syncDirectoryIfPossible(directory.getParent());
      }
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          if (file.getFileName().toString().endsWith(VALUE + AtomicFile.TEMPORARY)) {
            Files.delete(file);
            LOG.info("removed {}, left half-written by an interrupted save", file);
          } else {
            OwnerOnly.file(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the data directory " + directory, e);
    }
    return new FileStorage(directory);
  }

  @Override
  public synchronized <T extends Record> Optional<T> load(String key, Class<T> type) {
    Objects.requireNonNull(type, "type");
    Path file = fileOf(key);
    byte[] json;
    try {
      json = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      unreadableValues++;
      LOG.warn("cannot read the value of \"" + key + "\"; treating it as absent", e);
      return Optional.empty();
    }
    try {
      return Optional.of(codec.decode(json, type));
    } catch (IOException e) {
      unreadableValues++;
      LOG.warn("the value of \"{}\" is not a readable {} ({}); moving it aside as {}",
          key, type.getSimpleName(), e.getMessage().replace('\n', ' '), file.getFileName() + CORRUPT);
      setAside(file);
      return Optional.empty();
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the key is not valid or the value has a component that cannot be
   *     written as JSON
   * @throws UncheckedIOException if the medium refuses the write (full, read-only, failing); the old value,
   *     if any, is then still in place
   */
  @Override
  public synchronized void save(String key, Record value) {
    Objects.requireNonNull(value, "value");
    Path file = fileOf(key);
    byte[] json = codec.encode(value);
    try {
      AtomicFile.replace(file, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save \"" + key + "\" in " + directory, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws UncheckedIOException if the medium refuses the deletion
   */
  @Override
  public synchronized void delete(String key) {
    Path file = fileOf(key);
    try {
      AtomicFile.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete \"" + key + "\" in " + directory, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws UncheckedIOException if the data directory cannot be listed
   */
  @Override
  public synchronized List<String> keys(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(VALUE))
          .map(name -> name.substring(0, name.length() - VALUE.length()).replace('+', '/'))
          .filter(key -> key.startsWith(prefix) && isValid(key))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  /** {@return how many stored values could not be read back since this storage was opened} */
  public synchronized int unreadableValues() {
    return unreadableValues;
  }

  private Path fileOf(String key) {
    Objects.requireNonNull(key, "key");
    if (!isValid(key)) {
      throw new IllegalArgumentException("not a storage key: \"" + key
          + "\" (1 to 200 of A-Z a-z 0-9 . _ / -, not starting with / and without ..)");
    }
    return directory.resolve(key.replace('/', '+') + VALUE);
  }

  private static boolean isValid(String key) {
    return KEY.matcher(key).matches() && !key.startsWith("/") && !key.contains("..");
  }

  private void setAside(Path file) {
    try {
      Files.move(file, file.resolveSibling(file.getFileName() + CORRUPT), ATOMIC_MOVE, REPLACE_EXISTING);
      AtomicFile.syncDirectoryIfPossible(directory);
    } catch (IOException e) {
      LOG.warn("cannot move " + file + " aside; it stays in place", e);
    }
  }
}
