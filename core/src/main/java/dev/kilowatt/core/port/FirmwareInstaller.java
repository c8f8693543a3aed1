package dev.kilowatt.core.port;

/**
 * Puts a downloaded firmware image on the board. How an image is verified and installed is the board's
 * business; the domain only decides when (never during a transaction, with the connectors unavailable) and
 * reports the outcome to the central system.
 *
 * <p>An installer must never leave the board unable to boot: it verifies the image before it touches the
 * running firmware, and a power cut during installation leaves the old firmware or the new one in place.
 */
public interface FirmwareInstaller {

  /** {@return the largest image the board can take, in bytes; larger downloads are broken off} */
  long maxImageBytes();

  /**
   * Verifies and installs {@code image} on the adapter's own thread, reporting once to {@code listener}, from
   * any thread. The domain discards the image after the outcome.
   *
   * @param image the downloaded firmware image
   * @param listener where the outcome goes
   */
  void install(HeldFile image, Listener listener);

  /** The outcome of one installation. */
  interface Listener {
    /**
     * The image is installed. With {@code rebootRequired} the new firmware runs only after
     * {@link Platform#reboot} with {@link Platform.RebootKind#FIRMWARE}, which the domain then calls.
     *
     * @param rebootRequired whether the new firmware runs only after a reboot
     */
    void onInstalled(boolean rebootRequired);

    /**
     * The image was refused or could not be installed; the old firmware keeps running.
     *
     * @param reason why, for the log and the status notification
     */
    void onFailed(String reason);
  }
}
