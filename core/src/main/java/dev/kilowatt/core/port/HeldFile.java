package dev.kilowatt.core.port;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file the charge point holds between two transfers: a downloaded firmware image, a collected diagnostics
 * archive, the written security log. The core reads it as a stream and discards it; where and how it is
 * stored is the adapter's business, so the core does no file I/O of its own.
 *
 * <p>{@link #name()} finds the file again after a reboot ({@link FileTransfer#held}); the core saves it in
 * the update or upload it belongs to.
 */
public interface HeldFile {

  /**
   * What finds this file again through {@link FileTransfer#held}, and what the log names it by.
   *
   * @return the file's name for {@link FileTransfer#held} and the log
   */
  String name();

  /**
   * The name an upload gives the file at its destination ({@code location/<fileName>}).
   *
   * @return the name an upload gives the file
   */
  String fileName();

  /** {@return whether the file is still there: a reboot or a cleaner may have removed it} */
  boolean exists();

  /**
   * {@return the file's size in bytes}
   *
   * @throws IOException if the file cannot be read
   */
  long size() throws IOException;

  /**
   * The file's bytes from the start; the caller closes the stream.
   *
   * @return a stream of the file's bytes
   * @throws IOException if the file cannot be read
   */
  InputStream open() throws IOException;

  /** Removes the file; a file that is already gone is no error, and one that cannot be removed is the adapter's to log. */
  void discard();
}
