package dev.kilowatt.transfer;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import dev.kilowatt.core.port.DiagnosticsCollector;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DiagnosticsCollector} for a charge point that writes its logs as files into one directory. The
 * zip archive holds {@code configuration.txt} (secrets already masked by the domain),
 * {@code ocpp-traffic.txt} and, under {@code logs/}, the log files that may hold entries of the window:
 * those changed since its start. The newest come first; once {@link #MAX_LOG_BYTES} are in, older files are
 * left out and named in {@code logs-left-out.txt}.
 */
public final class LogDirectoryDiagnostics implements DiagnosticsCollector {

  private static final Logger LOG = LoggerFactory.getLogger(LogDirectoryDiagnostics.class);
  /** How many bytes of log files an archive takes at most. */
  public static final long MAX_LOG_BYTES = 16L << 20;

  private final Path logDirectory;
  private final Path outputDirectory;

  /**
   * Diagnostics made of the log files in {@code logDirectory}.
   *
   * @param logDirectory where the charge point writes its logs; a missing directory means no logs
   * @param outputDirectory where archives are written (created if needed); the domain deletes them after upload
   */
  public LogDirectoryDiagnostics(Path logDirectory, Path outputDirectory) {
    this.logDirectory = Objects.requireNonNull(logDirectory, "logDirectory");
    this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
  }

  @Override
  public void collect(Request request, Listener listener) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(listener, "listener");
    Thread.ofVirtual().name("kilowatt-diagnostics").start(() -> {
      try {
        listener.onCollected(new StoredFile(write(request)));
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        LOG.warn("collecting diagnostics failed: {}", e.toString());
        listener.onFailed(e.toString());
      }
    });
  }

  private Path write(Request request) throws IOException {
    String name = request.fileName();
    if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
      throw new IllegalArgumentException("not a plain file name: " + name);
    }
    Files.createDirectories(outputDirectory);
    Path archive = outputDirectory.resolve(name);
    Path temporary = Files.createTempFile(outputDirectory, ".diagnostics-", ".part");
    try {
      try (OutputStream file = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(file)) {
        entry(zip, "configuration.txt", configuration(request.configuration()));
        entry(zip, "ocpp-traffic.txt", String.join("\n", request.traffic()) + "\n");
        if (!request.transactions().isEmpty()) {
          // the charger's own account of its transactions, also of those the central system never accepted
          entry(zip, "transactions.txt", String.join("\n", request.transactions()) + "\n");
        }
        addLogs(zip, request.from());
      }
      Files.move(temporary, archive, ATOMIC_MOVE, REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return archive;
  }

  private void addLogs(ZipOutputStream zip, Optional<Instant> from) throws IOException {
    if (!Files.isDirectory(logDirectory)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(logDirectory)) {
      files = walk.filter(Files::isRegularFile)
          .filter(file -> from.map(start -> modified(file).toInstant().compareTo(start) >= 0).orElse(true))
          .sorted(Comparator.comparing(LogDirectoryDiagnostics::modified).reversed())
          .toList();
    }
    long budget = MAX_LOG_BYTES;
    List<String> leftOut = new ArrayList<>();
    for (Path file : files) {
      String entryName = "logs/" + logDirectory.relativize(file).toString().replace('\\', '/');
      long size = Files.size(file);
      if (size > budget) {
        leftOut.add(entryName + " (" + size + " bytes)");
        continue;
      }
      budget -= size;
      zip.putNextEntry(new ZipEntry(entryName));
      Files.copy(file, zip);
      zip.closeEntry();
    }
    if (!leftOut.isEmpty()) {
      entry(zip, "logs-left-out.txt", String.join("\n", leftOut) + "\n");
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String configuration(Map<String, String> configuration) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(configuration).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    return text.toString();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
