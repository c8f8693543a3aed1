package dev.kilowatt.serial;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/** An RDM6300 module: it only sends, a frame per card sighting. */
final class FakeRdm6300 extends FakeSerialDevice {

  FakeRdm6300(Path path) {
    super(path);
  }

  /** A frame for the card with these ten hex digits, with a correct checksum. */
  static byte[] frame(String tenHexDigits) {
    int sum = 0;
    for (byte b : HexFormat.of().parseHex(tenHexDigits)) {
      sum ^= b;
    }
    String text = "\u0002" + tenHexDigits + "%02X".formatted(sum & 0xFF) + "\u0003";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  void sighting(String tenHexDigits) {
    send(frame(tenHexDigits));
  }

  @Override
  void received(byte[] bytes) {
    // The module has no receive line.
  }
}
