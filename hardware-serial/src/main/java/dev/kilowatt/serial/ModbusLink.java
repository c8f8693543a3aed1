package dev.kilowatt.serial;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * A Modbus RTU master on one serial line, through j2mod, with its failures turned into {@link DeviceException}s
 * carrying the vendor code of the fault we report.
 *
 * <p>j2mod retries are off (our {@link DeviceLoop} retries with back-off and counts), and each reconnect builds a
 * new master: j2mod keeps its port object across reopens, and that object holds the old target of a symbolic
 * link, which a replugged USB adapter or a restarted pseudo-terminal no longer has.
 */
final class ModbusLink implements AutoCloseable {

  private final SerialDeviceConfig config;
  private final Duration requestGap;
  private ModbusSerialMaster master;
  private long lastRequestEnd;

  /** @param requestGap the least time between the end of one request and the start of the next */
  ModbusLink(SerialDeviceConfig config, Duration requestGap) {
    this.config = config;
    this.requestGap = requestGap;
  }

  void open() throws DeviceException {
    SerialParameters parameters = new SerialParameters();
    parameters.setPortName(config.portPath());
    parameters.setBaudRate(config.baudRate());
    parameters.setDatabits(8);
    parameters.setParity(config.jSerialCommParity());
    parameters.setStopbits(config.jSerialCommStopBits());
    // j2mod defaults to ASCII framing; every device here speaks RTU.
    parameters.setEncoding(Modbus.SERIAL_ENCODING_RTU);
    parameters.setEcho(false);
    ModbusSerialMaster candidate = new ModbusSerialMaster(parameters, (int) config.responseTimeout().toMillis());
    try {
      candidate.connect();
    } catch (Exception e) {
      candidate.disconnect();
      throw new DeviceException(DeviceException.PORT, "cannot open " + config.portPath(), true);
    }
    // Only now: j2mod drops a retry count set before connect() and would retry five times.
    candidate.setRetries(0);
    candidate.setCheckingValidity(true);
    master = candidate;
  }

  /** Function 0x04. */
  int[] readInputRegisters(int address, int count) throws DeviceException {
    InputRegister[] registers = call(address, () -> master.readInputRegisters(config.unitId(), address, count));
    return values(registers, address, count);
  }

  /** Function 0x03. */
  int[] readHoldingRegisters(int address, int count) throws DeviceException {
    Register[] registers = call(address, () -> master.readMultipleRegisters(config.unitId(), address, count));
    return values(registers, address, count);
  }

  /** Function 0x10 with one register, which the EVSE boards expect even for a single value. */
  void writeRegister(int address, int value) throws DeviceException {
    call(address, () -> master.writeMultipleRegisters(config.unitId(), address, new Register[] {new SimpleRegister(value)}));
  }

  @Override
  public void close() {
    if (master != null) {
      master.disconnect();
      master = null;
    }
  }

  private interface Request<T> {
    T send() throws ModbusException;
  }

  private <T> T call(int address, Request<T> request) throws DeviceException {
    if (master == null) {
      throw new DeviceException(DeviceException.PORT, config.portPath() + " is not open", true);
    }
    long earliest = lastRequestEnd + requestGap.toNanos();
    for (long wait = earliest - System.nanoTime(); wait > 0; wait = earliest - System.nanoTime()) {
      LockSupport.parkNanos(wait);
    }
    try {
      return request.send();
    } catch (ModbusSlaveException e) {
      throw DeviceException.modbus(e.getType(), "exception response at " + address + ": " + e.getMessage());
    } catch (ModbusException e) {
      throw classify(e.getMessage());
    } catch (RuntimeException e) {
      throw new DeviceException(DeviceException.PORT, "serial failure on " + config.portPath() + ": " + e, true);
    } finally {
      lastRequestEnd = System.nanoTime();
    }
  }

  /** j2mod tells I/O failures apart only by message; anything unrecognised counts as no answer. */
  private DeviceException classify(String message) {
    String text = message == null ? "" : message;
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("crc")) {
      return new DeviceException(DeviceException.CRC, "CRC error in response", false);
    }
    if (lower.contains("mismatch") || lower.contains("unrecognised")) {
      return new DeviceException(DeviceException.BAD_FRAME, "unexpected response frame", false);
    }
    return new DeviceException(DeviceException.TIMEOUT, "no answer from unit " + config.unitId(), true);
  }

  private static int[] values(InputRegister[] registers, int address, int count) throws DeviceException {
    if (registers == null || registers.length != count) {
      throw new DeviceException(
          DeviceException.BAD_FRAME, "expected " + count + " registers at " + address, false);
    }
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = registers[i].getValue();
    }
    return values;
  }
}
