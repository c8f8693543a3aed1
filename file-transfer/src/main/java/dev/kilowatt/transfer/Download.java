package dev.kilowatt.transfer;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import dev.kilowatt.core.port.FileTransfer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One download into the transfer directory. The bytes go to a hidden temporary file; only {@link #commit()}
 * (after the protocol confirmed the transfer) flushes it and renames it to its final name, so a broken-off
 * download never leaves a file that looks complete. Closing without committing deletes the temporary file.
 */
final class Download implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Download.class);
  static final String TEMPORARY_PREFIX = ".download-";
  static final String TEMPORARY_SUFFIX = ".part";
  /** Progress steps when the size is unknown. */
  static final long UNKNOWN_SIZE_STEP = 1 << 20;

  private final Path directory;
  private final Path target;
  private final long maxBytes;
  private final OptionalLong announced;
  private final FileTransfer.Listener listener;
  private final Path temporary;
  private final FileChannel channel;
  private long received;
  private boolean committed;

  private Download(Path directory, Path target, long maxBytes, OptionalLong announced, FileTransfer.Listener listener)
      throws IOException {
    this.directory = directory;
    this.target = target;
    this.maxBytes = maxBytes;
    this.announced = announced;
    this.listener = listener;
    this.temporary = Files.createTempFile(directory, TEMPORARY_PREFIX, TEMPORARY_SUFFIX);
    this.channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /**
   * Starts a download of {@code source} whose size the server announced (or not).
   *
   * @throws TransferFailure if the announced size is already over the limit
   */
  static Download start(Path directory, URI source, long maxBytes, OptionalLong announced, FileTransfer.Listener listener)
      throws IOException, TransferFailure {
    if (announced.isPresent() && announced.getAsLong() > maxBytes) {
      throw new TransferFailure("the file has " + announced.getAsLong() + " bytes, more than the limit of " + maxBytes);
    }
    return new Download(directory, directory.resolve(fileNameOf(source)), maxBytes, announced, listener);
  }

  /** Copies {@code in} to its end, reporting progress at every tenth of the size (or every MiB when it is unknown). */
  void receive(InputStream in, StallGuard guard) throws IOException, TransferFailure {
    long step = announced.isPresent() ? Math.max(1, announced.getAsLong() / 10) : UNKNOWN_SIZE_STEP;
    long nextReport = step;
    byte[] buffer = new byte[64 * 1024];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        guard.touch();
        received += n;
        if (received > maxBytes) {
          throw new TransferFailure("the file is larger than the limit of " + maxBytes + " bytes");
        }
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          channel.write(chunk);
        }
        if (received >= nextReport) {
          listener.onProgress(received, announced);
          nextReport = (received / step + 1) * step;
        }
      }
    } catch (IOException e) {
      if (guard.fired()) {
        throw new TransferFailure("no data for too long after " + received + " bytes");
      }
      throw new TransferFailure("connection lost after " + received + " bytes: " + Transfers.describe(e));
    }
  }

  /** Checks the length, makes the file durable and gives it its final name. */
  Path commit() throws IOException, TransferFailure {
    if (announced.isPresent() && received != announced.getAsLong()) {
      throw new TransferFailure("got " + received + " of " + announced.getAsLong() + " bytes");
    }
    channel.force(true);
    channel.close();
    Files.move(temporary, target, ATOMIC_MOVE, REPLACE_EXISTING);
    committed = true;
    Transfers.syncDirectory(directory);
    LOG.debug("downloaded {} bytes to {}", received, target);
    return target;
  }

  @Override
  public void close() throws IOException {
    channel.close();
    if (!committed) {
      Files.deleteIfExists(temporary);
    }
  }

  /** A safe local name from the last segment of the URI's path. */
  static String fileNameOf(URI source) {
    String path = source.getPath() == null ? "" : source.getPath();
    String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.+", "");
    return last.isEmpty() ? "download" : last;
  }

  /** Removes temporary files a crash left behind. */
  static void removeLeftovers(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(TEMPORARY_PREFIX) && name.endsWith(TEMPORARY_SUFFIX)) {
          Files.deleteIfExists(file);
          LOG.info("removed {}, left by an interrupted download", file);
        }
      }
    }
  }
}
