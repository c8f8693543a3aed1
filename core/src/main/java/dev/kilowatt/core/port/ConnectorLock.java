package dev.kilowatt.core.port;

/**
 * The locking actuator of a socket outlet, which holds the plug while a session runs. A fixed cable has none.
 *
 * <p>Commands return at once; the actuator reports where it ended up through {@link Listener#onLockChanged}. An
 * actuator that does not reach the commanded position in its time is reported as a {@link HardwareFault} with
 * {@code ConnectorLockFailure}, cleared once it reaches a commanded position again. The domain answers
 * UnlockConnector with Unlocked on the feedback and with UnlockFailed on the fault.
 */
public interface ConnectorLock {

  /**
   * Called once, before any command, with where to report feedback and faults.
   *
   * @param listener where lock feedback and faults go
   */
  void start(Listener listener);

  /** Locks the plug in. Locking a locked plug reports nothing new. */
  void lock();

  /** Releases the plug. Unlocking an unlocked plug reports nothing new. */
  void unlock();

  /** Events from the lock, delivered from any thread. */
  interface Listener extends FaultListener {
    /**
     * The lock's feedback now says {@code locked}.
     *
     * @param locked whether the plug is now held
     */
    void onLockChanged(boolean locked);
  }
}
