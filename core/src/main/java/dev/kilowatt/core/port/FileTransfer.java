package dev.kilowatt.core.port;

import java.io.IOException;
import java.net.URI;
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

  /**
   * The protocols this adapter speaks, as {@code SupportedFileTransferProtocols} lists them (e.g. {@code HTTP},
   * {@code FTP}).
   *
   * @return the protocols, in the adapter's order of preference
   */
  List<String> protocols();

  /**
   * Downloads {@code source} into a file the charge point holds. The file the listener gets is complete:
   * a transfer that breaks off, exceeds {@code maxBytes} or delivers fewer bytes than announced fails and
   * leaves no file behind.
   *
   * @param source the URL to download from, as the central system gave it
   * @param maxBytes the most bytes the file may have
   * @param listener where progress and the outcome go
   */
  void download(URI source, long maxBytes, Listener listener);

  /**
   * Uploads {@code file} into the directory {@code location} under the file's own name
   * ({@code location/<file name>}).
   *
   * @param file the file to upload
   * @param location the directory URL the central system gave
   * @param listener where progress and the outcome go
   */
  void upload(HeldFile file, URI location, Listener listener);

  /**
   * The file {@link HeldFile#name()} named, as the core saved it before a reboot; it may be gone since
   * ({@link HeldFile#exists()}).
   *
   * @param name the name the file had before the reboot
   * @return the file, which may no longer exist
   */
  HeldFile held(String name);

  /**
   * Writes {@code content} as a file of the charge point's own named {@code fileName}, for an upload (the
   * security log of a GetLog.req). Runs on the caller's thread: the content is small.
   *
   * @param fileName the file's name, which an upload keeps
   * @param content the file's bytes
   * @return the file, complete
   * @throws IOException if the file cannot be written
   */
  HeldFile keep(String fileName, byte[] content) throws IOException;

  /** How one transfer goes. */
  interface Listener {
    /**
     * Progress at steps the adapter finds sensible (not per buffer).
     *
     * @param transferredBytes how many bytes have gone through so far
     * @param totalBytes the size, when the server announced it
     */
    default void onProgress(long transferredBytes, OptionalLong totalBytes) {}

    /**
     * The transfer is complete; {@code file} is the downloaded file, or the uploaded one.
     *
     * @param file the transferred file
     */
    void onCompleted(HeldFile file);

    /**
     * The transfer failed; {@code reason} is for the log (e.g. "HTTP 404", "connection reset after 1048576 bytes").
     *
     * @param reason what went wrong
     */
    void onFailed(String reason);
  }
}
