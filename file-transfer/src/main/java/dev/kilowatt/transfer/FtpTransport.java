package dev.kilowatt.transfer;

import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.HeldFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;

/**
 * FTP with Apache Commons Net: passive mode, binary type. Paths follow RFC 1738, relative to the login
 * directory ({@code ftp://host/%2Fabs/path} for an absolute one); without a user part the login is anonymous.
 */
final class FtpTransport {

  static final int DEFAULT_PORT = 21;

  private final Duration connectTimeout;
  private final Duration stallTimeout;

  FtpTransport(Duration connectTimeout, Duration stallTimeout) {
    this.connectTimeout = connectTimeout;
    this.stallTimeout = stallTimeout;
  }

  Path download(URI source, Path directory, long maxBytes, FileTransfer.Listener listener) throws IOException, TransferFailure {
    FTPClient ftp = connect(source);
    try {
      String path = pathOf(source);
      OptionalLong size = sizeOf(ftp, path);
      Path file;
      try (StallGuard guard = new StallGuard(stallTimeout); Download download = Download.start(directory, source, maxBytes, size, listener)) {
        InputStream in = ftp.retrieveFileStream(path);
        if (in == null) {
          throw new TransferFailure("FTP " + reply(ftp));
        }
        try (in) {
          download.receive(in, guard);
        }
        // a broken data connection looks like the end of the file; only the server's final reply tells them apart
        if (!ftp.completePendingCommand()) {
          throw new TransferFailure("FTP transfer not confirmed: " + reply(ftp));
        }
        file = download.commit();
      }
      ftp.logout();
      return file;
    } finally {
      disconnect(ftp);
    }
  }

  void upload(HeldFile file, URI location, FileTransfer.Listener listener) throws IOException, TransferFailure {
    FTPClient ftp = connect(location);
    try {
      String directory = pathOf(location);
      String name = file.fileName();
      String target = directory.isEmpty() ? name : directory.endsWith("/") ? directory + name : directory + "/" + name;
      try (InputStream in = file.open()) {
        if (!ftp.storeFile(target, in)) {
          throw new TransferFailure("FTP " + reply(ftp));
        }
      }
      ftp.logout();
      listener.onCompleted(file);
    } finally {
      disconnect(ftp);
    }
  }

  private FTPClient connect(URI uri) throws IOException, TransferFailure {
    FTPClient ftp = new FTPClient();
    ftp.setConnectTimeout((int) connectTimeout.toMillis());
    ftp.setDefaultTimeout((int) stallTimeout.toMillis());
    ftp.setDataTimeout(stallTimeout);
    try {
      ftp.connect(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT);
      if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
        throw new TransferFailure("FTP server refused the connection: " + reply(ftp));
      }
      Transfers.Credentials credentials = Transfers.Credentials.of(uri)
          .orElse(new Transfers.Credentials("anonymous", "kilowatt@"));
      if (!ftp.login(credentials.user(), credentials.password())) {
        throw new TransferFailure("FTP login refused: " + reply(ftp));
      }
      ftp.enterLocalPassiveMode();
      if (!ftp.setFileType(FTP.BINARY_FILE_TYPE)) {
        throw new TransferFailure("FTP binary mode refused: " + reply(ftp));
      }
      return ftp;
    } catch (IOException | TransferFailure | RuntimeException e) {
      disconnect(ftp);
      throw e;
    }
  }

  /** The size the server reports (SIZE), when it supports that. */
  private static OptionalLong sizeOf(FTPClient ftp, String path) throws IOException {
    String size = ftp.getSize(path);
    if (size != null && size.trim().matches("\\d{1,18}")) {
      return OptionalLong.of(Long.parseLong(size.trim()));
    }
    return OptionalLong.empty();
  }

  private static String pathOf(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static String reply(FTPClient ftp) {
    String reply = ftp.getReplyString();
    return reply == null ? "no reply" : reply.trim();
  }

  private static void disconnect(FTPClient ftp) {
    if (ftp.isConnected()) {
      try {
        ftp.disconnect();
      } catch (IOException e) {
        // the transfer's outcome is decided; a failing goodbye changes nothing
      }
    }
  }
}
