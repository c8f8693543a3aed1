package dev.kilowatt.core.port;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Moves files between the charge point and the servers the central system names: firmware images down,
 * diagnostics archives up.
 *
 * <p>Transfers run on the adapter's own threads; every call returns at once and reports its outcome to its
 * listener exactly once, from any thread, within bounded time (the adapter applies connect and read
 * time-outs). The domain retries failed transfers itself, as UpdateFirmware and GetDiagnostics ask.
 */
public interface FileTransfer {

  /** The protocols this adapter speaks, as {@code SupportedFileTransferProtocols} lists them (e.g. {@code HTTP}, {@code FTP}). */
  List<String> protocols();

  /**
   * Downloads {@code source} into the charge point's data directory. The file the listener gets is complete:
   * a transfer that breaks off, exceeds {@code maxBytes} or delivers fewer bytes than announced fails and
   * leaves no file behind.
   */
  void download(URI source, long maxBytes, Listener listener);

  /**
   * Uploads {@code file} into the directory {@code location} under the file's own name
   * ({@code location/<file name>}).
   */
  void upload(Path file, URI location, Listener listener);

  /** How one transfer goes. */
  interface Listener {
    /**
     * Progress at steps the adapter finds sensible (not per buffer).
     *
     * @param totalBytes the size, when the server announced it
     */
    default void onProgress(long transferredBytes, OptionalLong totalBytes) {}

    /** The transfer is complete; {@code file} is the downloaded file, or the uploaded one. */
    void onCompleted(Path file);

    /** The transfer failed; {@code reason} is for the log (e.g. "HTTP 404", "connection reset after 1048576 bytes"). */
    void onFailed(String reason);
  }
}
