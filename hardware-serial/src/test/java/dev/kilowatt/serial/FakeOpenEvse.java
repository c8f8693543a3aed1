package dev.kilowatt.serial;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenEVSE controller on RAPI, as the firmware behaves: GS, SC, FE, FS and FD, an {@code $AT} after every
 * state change, {@code $AB} after a restart. It can stay silent or corrupt its checksums.
 */
final class FakeOpenEvse extends FakeSerialDevice {

  /** Command lines received (without {@code $} and checksum), e.g. {@code "SC 16 V"}. */
  final List<String> commands = new CopyOnWriteArrayList<>();
  volatile boolean silent;
  volatile boolean corruptChecksums;
  volatile int maxAmperes = 32;
  volatile int amperes = 32;
  private volatile int evseState = 0x01;
  private volatile int pilot = 0x01;
  private final StringBuilder line = new StringBuilder();

  FakeOpenEvse(Path path) {
    super(path);
  }

  /** The EV side of the pilot: 1 = A ... 4 = D. An active board follows it at once. */
  void pilot(int state) {
    pilot = state;
    if (evseState >= 0x01 && evseState <= 0x04) {
      changeState(state);
    } else {
      announce();
    }
  }

  void changeState(int state) {
    evseState = state;
    announce();
  }

  int evseState() {
    return evseState;
  }

  void restart() {
    amperes = maxAmperes;
    evseState = pilot;
    unasked("AB %02x 7.1.3".formatted(evseState));
  }

  List<String> commandsStartingWith(String prefix) {
    return commands.stream().filter(c -> c.startsWith(prefix)).toList();
  }

  @Override
  void received(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\r') {
        handle(line.toString());
        line.setLength(0);
      } else {
        line.append((char) b);
      }
    }
  }

  private void handle(String text) {
    var message = Rapi.parse(text);
    if (message.isEmpty()) {
      reply("NK");
      return;
    }
    String command = text.substring(1, text.lastIndexOf('^'));
    commands.add(command);
    List<String> p = message.get().parameters();
    switch (message.get().type()) {
      case "GS" -> reply("OK %02x 0 %02x 0000".formatted(evseState, pilot));
      case "SC" -> {
        int asked = Integer.parseInt(p.get(0));
        amperes = Math.min(asked, maxAmperes);
        reply((asked > maxAmperes ? "NK " : "OK ") + amperes);
      }
      case "FE" -> {
        reply("OK");
        changeState(pilot);
      }
      case "FS" -> {
        reply("OK");
        changeState(0xFE);
      }
      case "FD" -> {
        reply("OK");
        changeState(0xFF);
      }
      default -> reply("NK");
    }
  }

  private void announce() {
    unasked("AT %02x %02x %d 0000".formatted(evseState, pilot, amperes));
  }

  private void reply(String body) {
    unasked(body);
  }

  private void unasked(String body) {
    if (silent) {
      return;
    }
    String text = "$" + body;
    int checksum = Rapi.checksum(text) ^ (corruptChecksums ? 0x01 : 0);
    send((text + "^%02X\r".formatted(checksum)).getBytes(StandardCharsets.US_ASCII));
  }
}
