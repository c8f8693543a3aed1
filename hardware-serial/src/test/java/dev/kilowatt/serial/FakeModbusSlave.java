package dev.kilowatt.serial;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Modbus RTU slave written by hand, so that it can misbehave on demand: answer with a bad CRC, stay silent,
 * put noise before its answer, or answer every request with an exception. Unknown register addresses get
 * exception 02 (Illegal Data Address), as on a real device.
 */
final class FakeModbusSlave extends FakeSerialDevice {

  enum Behaviour { NORMAL, SILENT, BAD_CRC, NOISE_FIRST }

  record Request(int function, int address, int count, List<Integer> values) {}

  static final byte[] NOISE = {(byte) 0xAA, 0x55, (byte) 0xF0, 0x0F, 0x7E, (byte) 0x81};

  final Map<Integer, Integer> inputRegisters = new ConcurrentHashMap<>();
  final Map<Integer, Integer> holdingRegisters = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  volatile Behaviour behaviour = Behaviour.NORMAL;
  /** Non-zero: every request is answered with this exception code. */
  volatile int exceptionCode;

  private final int unit;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  FakeModbusSlave(Path path, int unit) {
    super(path);
    this.unit = unit;
  }

  /** An IEEE-754 float in two input registers, high word first, as Eastron meters hold their values. */
  void setFloat(int address, float value) {
    int bits = Float.floatToIntBits(value);
    inputRegisters.put(address, bits >>> 16);
    inputRegisters.put(address + 1, bits & 0xFFFF);
  }

  List<Request> requests(int function) {
    return requests.stream().filter(r -> r.function() == function).toList();
  }

  @Override
  void received(byte[] bytes) {
    pending.writeBytes(bytes);
    while (true) {
      byte[] buffer = pending.toByteArray();
      int length = ModbusRtu.requestLength(buffer, buffer.length);
      if (length < 0) {
        pending.reset();
        return;
      }
      if (length == 0 || buffer.length < length) {
        return;
      }
      pending.reset();
      pending.write(buffer, length, buffer.length - length);
      byte[] frame = Arrays.copyOf(buffer, length);
      if (ModbusRtu.crcValid(frame) && (frame[0] & 0xFF) == unit) {
        serve(frame);
      }
    }
  }

  private void serve(byte[] frame) {
    int function = frame[1];
    int address = ModbusRtu.word(frame, 2);
    int count = ModbusRtu.word(frame, 4);
    List<Integer> values = function == 0x10
        ? java.util.stream.IntStream.range(0, count).mapToObj(i -> ModbusRtu.word(frame, 7 + 2 * i)).toList()
        : List.of();
    requests.add(new Request(function, address, count, values));
    byte[] answer = answer(function, address, count, values);
    switch (behaviour) {
      case NORMAL -> send(answer);
      case SILENT -> { }
      case BAD_CRC -> send(ModbusRtu.withBrokenCrc(answer));
      case NOISE_FIRST -> {
        byte[] both = Arrays.copyOf(NOISE, NOISE.length + answer.length);
        System.arraycopy(answer, 0, both, NOISE.length, answer.length);
        send(both);
      }
    }
  }

  private byte[] answer(int function, int address, int count, List<Integer> values) {
    if (exceptionCode != 0) {
      return ModbusRtu.frame(unit, function | 0x80, exceptionCode);
    }
    Map<Integer, Integer> registers = function == 0x04 ? inputRegisters : holdingRegisters;
    for (int a = address; a < address + count; a++) {
      if (!registers.containsKey(a)) {
        return ModbusRtu.frame(unit, function | 0x80, 0x02);
      }
    }
    if (function == 0x10) {
      for (int i = 0; i < count; i++) {
        holdingRegisters.put(address + i, values.get(i));
      }
      return ModbusRtu.frame(unit, function, address >> 8, address & 0xFF, count >> 8, count & 0xFF);
    }
    int[] reply = new int[3 + 2 * count];
    reply[0] = unit;
    reply[1] = function;
    reply[2] = 2 * count;
    for (int i = 0; i < count; i++) {
      int value = registers.get(address + i);
      reply[3 + 2 * i] = value >> 8;
      reply[4 + 2 * i] = value & 0xFF;
    }
    return ModbusRtu.frame(reply);
  }
}
