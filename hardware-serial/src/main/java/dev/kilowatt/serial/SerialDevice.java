package dev.kilowatt.serial;

import dev.kilowatt.core.port.FaultListener;

/**
 * A device on a serial line that its {@link DeviceLoop} talks to on its own thread: starting hands the loop the
 * port's listener, closing stops the loop and releases the port.
 *
 * @param <L> the listener of the core port the device serves
 */
abstract class SerialDevice<L extends FaultListener> implements AutoCloseable {

  /** The loop that talks to the device. */
  abstract DeviceLoop<L> loop();

  /**
   * Starts talking to the device; it reports to {@code listener} from its own thread.
   *
   * @param listener where readings, cards and faults go
   */
  public void start(L listener) {
    loop().start(listener);
  }

  /** Stops talking to the device and releases the port. */
  @Override
  public void close() {
    loop().stop();
  }
}
