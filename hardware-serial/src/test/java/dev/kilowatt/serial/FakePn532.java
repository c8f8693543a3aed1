package dev.kilowatt.serial;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PN532 in HSU mode: ACKs each command frame, then answers it. Until SAMConfiguration it ignores
 * InListPassiveTarget, as a chip that lost power does; {@link #powerCycle} simulates that. It can also go
 * missing (no ACK at all) or corrupt its data checksums.
 */
final class FakePn532 extends FakeSerialDevice {

  final AtomicInteger polls = new AtomicInteger();
  volatile boolean missing;
  volatile boolean corruptResponses;
  private volatile byte[] card;
  private volatile boolean configured;
  private final Pn532.Parser parser = new Pn532.Parser((bytes, what) -> { });

  FakePn532(Path path) {
    super(path);
  }

  /** Puts a card with this UID (hex) on the reader. */
  void present(String uidHex) {
    card = HexFormat.of().parseHex(uidHex);
  }

  void remove() {
    card = null;
  }

  void powerCycle() {
    configured = false;
  }

  @Override
  void received(byte[] bytes) {
    for (Pn532.Frame frame : parser.feed(bytes, bytes.length)) {
      if (frame instanceof Pn532.Information info && info.tfi() == Pn532.HOST_TO_PN532 && !missing) {
        handle(info.data());
      }
    }
  }

  private void handle(byte[] command) {
    int code = command[0] & 0xFF;
    switch (code) {
      case Pn532.SAM_CONFIGURATION -> {
        configured = true;
        answer(code);
      }
      case Pn532.RF_CONFIGURATION -> answer(code);
      case Pn532.IN_LIST_PASSIVE_TARGET -> {
        if (!configured) {
          return;
        }
        polls.incrementAndGet();
        byte[] uid = card;
        if (uid == null) {
          answer(code, 0x00);
        } else {
          int[] target = new int[6 + uid.length];
          target[0] = 0x01;
          target[1] = 0x01;
          target[2] = 0x00;
          target[3] = uid.length == 4 ? 0x04 : 0x44;
          target[4] = 0x08;
          target[5] = uid.length;
          for (int i = 0; i < uid.length; i++) {
            target[6 + i] = uid[i] & 0xFF;
          }
          answer(code, target);
        }
      }
      default -> send(Pn532.frame(Pn532.APPLICATION_ERROR));
    }
  }

  private void answer(int command, int... parameters) {
    int[] data = new int[parameters.length + 1];
    data[0] = command + 1;
    System.arraycopy(parameters, 0, data, 1, parameters.length);
    byte[] response = Pn532.frame(Pn532.PN532_TO_HOST, data);
    if (corruptResponses) {
      response[response.length - 2] ^= 0x01;
    }
    byte[] both = new byte[Pn532.ACK.length + response.length];
    System.arraycopy(Pn532.ACK, 0, both, 0, Pn532.ACK.length);
    System.arraycopy(response, 0, both, Pn532.ACK.length, response.length);
    send(both);
  }
}
