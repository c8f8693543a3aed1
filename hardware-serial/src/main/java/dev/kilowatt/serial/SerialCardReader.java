package dev.kilowatt.serial;

import dev.kilowatt.core.port.RfidReader;
import java.util.Objects;

/** A card reader on a serial line: a device loop reads it and reports each presentation to the listener. */
abstract class SerialCardReader implements RfidReader, AutoCloseable {

  volatile Listener listener;

  /** The loop that talks to the reader. */
  abstract DeviceLoop loop();

  @Override
  public void start(Listener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    loop().start(listener);
  }

  /** Stops reading and releases the port. */
  @Override
  public void close() {
    loop().stop();
  }
}
