package dev.kilowatt.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A simulated device on the far end of a pseudo-terminal, on real jSerialComm I/O: a daemon thread hands
 * what arrives to {@link #received}; {@link #send} answers. After an unplug the line is dead; {@link #reopen}
 * picks up the new one.
 */
abstract class FakeSerialDevice implements AutoCloseable {

  /** termios counts read timeouts in tenths of a second; this is the shortest. */
  private static final int READ_TIMEOUT_MS = 100;

  private final Path path;
  private volatile SerialPort port;
  private volatile boolean running;
  private Thread reader;

  FakeSerialDevice(Path path) {
    this.path = path;
  }

  /** Bytes from the adapter, on the fake's own thread. */
  abstract void received(byte[] bytes);

  final synchronized FakeSerialDevice open() {
    SerialPort p = SerialPort.getCommPort(path.toString());
    p.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
    if (!p.openPort()) {
      throw new IllegalStateException("cannot open the device end " + path);
    }
    port = p;
    running = true;
    reader = Thread.ofPlatform().daemon().name("fake-" + getClass().getSimpleName()).start(() -> readLoop(p));
    return this;
  }

  final void send(byte[] bytes) {
    SerialPort p = port;
    if (p != null) {
      p.writeBytes(bytes, bytes.length);
    }
  }

  final synchronized void reopen() throws InterruptedException {
    close();
    open();
  }

  @Override
  public final synchronized void close() throws InterruptedException {
    running = false;
    if (reader != null) {
      reader.join(READ_TIMEOUT_MS * 10);
      if (reader.isAlive()) {
        throw new IllegalStateException("the fake's reader is stuck in a read on " + path);
      }
      reader = null;
    }
    if (port != null) {
      port.closePort();
      port = null;
    }
  }

  private void readLoop(SerialPort p) {
    byte[] buffer = new byte[512];
    while (running) {
      int n = p.readBytes(buffer, buffer.length);
      if (n < 0) {
        return;
      }
      if (n > 0) {
        received(Arrays.copyOf(buffer, n));
      }
    }
  }
}
