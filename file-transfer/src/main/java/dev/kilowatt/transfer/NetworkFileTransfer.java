package dev.kilowatt.transfer;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.HeldFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link FileTransfer} of a networked charge point: HTTP and HTTPS (JDK client) and FTP (Apache Commons
 * Net, passive, binary). Each transfer runs on a virtual thread of its own.
 *
 * <p>Downloads stream into a directory of the transfer's own (a subdirectory of the data directory, say),
 * named after the last segment of the URI's path; uploads go to {@code location/<file name>} (an HTTP PUT,
 * or an FTP STOR). Failures (HTTP 404 or 500, a refused login, a dropped connection, a server that stops
 * sending for the stall time-out, a file over the size limit) are reported with their reason.
 *
 * <pre>{@code
 * FileTransfer transfer = NetworkFileTransfer.builder(dataDir.resolve("transfers")).build();
 * }</pre>
 */
public final class NetworkFileTransfer implements FileTransfer {

  private static final Logger LOG = LoggerFactory.getLogger(NetworkFileTransfer.class);

  private final Path directory;
  private final HttpTransport http;
  private final FtpTransport ftp;

  private NetworkFileTransfer(Builder builder) {
    this.directory = builder.directory;
    this.http = new HttpTransport(builder.ssl, builder.connectTimeout, builder.stallTimeout);
    this.ftp = new FtpTransport(builder.connectTimeout, builder.stallTimeout);
  }

  /**
   * Transfers whose downloads land in {@code directory}, which is created if needed.
   *
   * @param directory where downloads land
   * @return a builder with the default trust store and timeouts
   */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  @Override
  public List<String> protocols() {
    return List.of("FTP", "HTTP", "HTTPS");
  }

  @Override
  public void download(URI source, long maxBytes, Listener listener) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(listener, "listener");
    run("download of " + Transfers.masked(source), listener, () -> {
      Path file = switch (scheme(source)) {
        case "http", "https" -> http.download(source, directory, maxBytes, listener);
        case "ftp" -> ftp.download(source, directory, maxBytes, listener);
        default -> throw unsupported(source);
      };
      listener.onCompleted(new StoredFile(file));
    });
  }

  @Override
  public void upload(HeldFile file, URI location, Listener listener) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(listener, "listener");
    run("upload of " + file.fileName() + " to " + Transfers.masked(location), listener, () -> {
      switch (scheme(location)) {
        case "http", "https" -> http.upload(file, location, listener);
        case "ftp" -> ftp.upload(file, location, listener);
        default -> throw unsupported(location);
      }
    });
  }

  @Override
  public HeldFile held(String name) {
    return new StoredFile(Path.of(name));
  }

  /** Writes {@code content} into the transfer directory under {@code fileName}, in whole or not at all. */
  @Override
  public HeldFile keep(String fileName, byte[] content) throws IOException {
    if (!fileName.matches("[A-Za-z0-9._-]+") || fileName.startsWith(".")) {
      throw new IOException("not a plain file name: " + fileName);
    }
    Path target = directory.resolve(fileName);
    Path temporary = Files.createTempFile(directory, ".keep-", ".part");
    try {
      Files.write(temporary, content);
      Files.move(temporary, target, ATOMIC_MOVE, REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return new StoredFile(target);
  }

  private interface Work {
    void run() throws IOException, InterruptedException, TransferFailure;
  }

  private static void run(String what, Listener listener, Work work) {
    Thread.ofVirtual().name("kilowatt-transfer").start(() -> {
      LOG.debug("{} started", what);
      try {
        work.run();
        LOG.debug("{} done", what);
      } catch (TransferFailure e) {
        fail(what, listener, e.getMessage());
      } catch (IOException e) {
        fail(what, listener, Transfers.describe(e));
      } catch (InterruptedException e) {
        fail(what, listener, "interrupted");
      } catch (RuntimeException e) {
        LOG.error(what + " failed unexpectedly", e);
        fail(what, listener, e.toString());
      }
    });
  }

  private static void fail(String what, Listener listener, String reason) {
    LOG.info("{} failed: {}", what, reason);
    listener.onFailed(reason);
  }

  private static String scheme(URI uri) {
    return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
  }

  private static TransferFailure unsupported(URI uri) {
    return new TransferFailure("unsupported protocol: " + (uri.getScheme() == null ? "none" : uri.getScheme()));
  }

  /** Settings of a {@link NetworkFileTransfer}. */
  public static final class Builder {
    private final Path directory;
    private Supplier<SSLContext> ssl = Builder::defaultContext;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration stallTimeout = Duration.ofSeconds(60);

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Whom HTTPS trusts; the JDK's default trust store unless set.
     *
     * @param ssl the trusted authorities (and a client certificate, if the servers ask for one)
     * @return this builder
     */
    public Builder sslContext(SSLContext ssl) {
      Objects.requireNonNull(ssl, "ssl");
      this.ssl = () -> ssl;
      return this;
    }

    /**
     * How long a connection may take to open, and how long a transfer may go without any data before it is
     * broken off. Defaults: 30 s and 60 s.
     *
     * @param connect the longest time to open a connection
     * @param stall the longest time without data
     * @return this builder
     */
    public Builder timeouts(Duration connect, Duration stall) {
      this.connectTimeout = Objects.requireNonNull(connect, "connect");
      this.stallTimeout = Objects.requireNonNull(stall, "stall");
      return this;
    }

    /**
     * Creates the directory if needed and removes the temporary files of downloads a power cut interrupted.
     *
     * @return the file transfer
     * @throws UncheckedIOException if the directory cannot be created or cleaned
     */
    public NetworkFileTransfer build() {
      try {
        Files.createDirectories(directory);
        Download.removeLeftovers(directory);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare the transfer directory " + directory, e);
      }
      return new NetworkFileTransfer(this);
    }

    /** The JDK's default TLS context, taken at the first transfer: loading the trust store is slow on a small board. */
    private static SSLContext defaultContext() {
      try {
        return SSLContext.getDefault();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK offers no default TLS context", e);
      }
    }
  }
}
