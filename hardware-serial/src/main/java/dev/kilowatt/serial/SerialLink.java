package dev.kilowatt.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

/**
 * A raw serial line for the devices that do not speak Modbus. A vanished port shows up as a
 * {@link DeviceException#PORT} failure that asks for a reconnect, which opens the path again: jSerialComm
 * resolves a symbolic link when the port object is made, so a replugged adapter needs a new one.
 */
final class SerialLink implements AutoCloseable {

  /**
   * Reads wait at most this long at a time, so that deadlines and shutdown are noticed. jSerialComm maps it onto
   * the termios read timer, which counts tenths of a second: this is the shortest slice there is.
   */
  private static final int READ_SLICE_MS = 100;

  private final SerialPort port;
  private final String path;

  private SerialLink(SerialPort port, String path) {
    this.port = port;
    this.path = path;
  }

  static SerialLink open(SerialDeviceConfig config) throws DeviceException {
    String path = config.portPath();
    SerialPort port;
    try {
      port = SerialPort.getCommPort(path);
    } catch (SerialPortInvalidPortException e) {
      throw new DeviceException(DeviceException.PORT, "no serial port at " + path, true);
    }
    port.setComPortParameters(config.baudRate(), 8, config.jSerialCommStopBits(), config.jSerialCommParity());
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_SLICE_MS, 0);
    if (!port.openPort()) {
      throw new DeviceException(
          DeviceException.PORT, "cannot open " + path + " (error " + port.getLastErrorCode() + ")", true);
    }
    port.flushIOBuffers();
    return new SerialLink(port, path);
  }

  /**
   * Reads what arrives before {@code deadlineNanos} (a {@link System#nanoTime()} value), returning as soon as
   * some bytes came; 0 if none did.
   */
  int read(byte[] buffer, long deadlineNanos) throws DeviceException {
    while (true) {
      int n = port.readBytes(buffer, buffer.length);
      if (n < 0) {
        throw lost("read");
      }
      if (n > 0 || System.nanoTime() - deadlineNanos >= 0) {
        return n;
      }
    }
  }

  /** Reads what is already waiting, without blocking; 0 if nothing is. */
  int readAvailable(byte[] buffer) throws DeviceException {
    int available = port.bytesAvailable();
    if (available < 0) {
      throw lost("read");
    }
    if (available == 0) {
      return 0;
    }
    int n = port.readBytes(buffer, Math.min(available, buffer.length));
    if (n < 0) {
      throw lost("read");
    }
    return n;
  }

  void write(byte[] data) throws DeviceException {
    if (port.writeBytes(data, data.length) != data.length) {
      throw lost("write");
    }
  }

  @Override
  public void close() {
    port.closePort();
  }

  private DeviceException lost(String operation) {
    return new DeviceException(
        DeviceException.PORT, "cannot " + operation + " " + path + " (error " + port.getLastErrorCode() + ")", true);
  }
}
