package dev.kilowatt.core.port;

/** The board's operating system, for what only it can do. */
public interface Platform {

  /**
   * Restarts the charge point. Called after the domain has ended its transactions and saved everything;
   * the domain must not be used afterwards. A simulator may build a fresh charge point on the same
   * storage instead of restarting a process.
   *
   * @param kind why the charge point restarts, which decides what the board does on the way
   */
  void reboot(RebootKind kind);

  /** Why the charge point restarts. */
  enum RebootKind {
    /** Reset.req Soft: restart the software. */
    SOFT,
    /** Reset.req Hard: restart the hardware. */
    HARD,
    /** A firmware image was installed and takes effect on restart. */
    FIRMWARE
  }
}
