package dev.kilowatt.core.security;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few pieces of ASN.1 DER (ITU-T X.690) that certificate handling needs and the JDK keeps to itself:
 * writing a PKCS#10 request and reading names and keys out of X.509 structures. Single-byte tags and
 * definite lengths only, which is all DER allows for these structures.
 */
final class Der {

  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  private static final int NULL = 0x05;
  static final int OID = 0x06;
  static final int UTF8_STRING = 0x0C;
  private static final int PRINTABLE_STRING = 0x13;
  private static final int T61_STRING = 0x14;
  private static final int IA5_STRING = 0x16;
  private static final int BMP_STRING = 0x1E;
  static final int SEQUENCE = 0x30;
  private static final int SET = 0x31;
  /** The first context-specific constructed tag, [0]; [n] is this plus n. */
  static final int CONTEXT_0 = 0xA0;

  private Der() {}

  // ---------------------------------------------------------------- writing

  /** One element: {@code tag}, the length of the parts together, then the parts. */
  static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      content.writeBytes(part);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    writeLength(out, content.size());
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... elements) {
    return tlv(SEQUENCE, elements);
  }

  static byte[] set(byte[]... elements) {
    return tlv(SET, elements);
  }

  static byte[] integer(BigInteger value) {
    return tlv(INTEGER, value.toByteArray());
  }

  private static byte[] nullValue() {
    return tlv(NULL);
  }

  /** A BIT STRING holding whole bytes (no unused bits). */
  static byte[] bitString(byte[] bytes) {
    return tlv(BIT_STRING, new byte[] {0}, bytes);
  }

  static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    if (arcs.length < 2) {
      throw new IllegalArgumentException("not an object identifier: " + dotted);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeArc(out, new BigInteger(arcs[0]).multiply(BigInteger.valueOf(40)).add(new BigInteger(arcs[1])));
    for (int i = 2; i < arcs.length; i++) {
      writeArc(out, new BigInteger(arcs[i]));
    }
    return tlv(OID, out.toByteArray());
  }

  /**
   * A DirectoryString for a name attribute: PrintableString when every character allows it (what most
   * certificate authorities expect), UTF8String otherwise (RFC 5280 section 4.1.2.6).
   */
  static byte[] directoryString(String text) {
    boolean printable = text.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || " '()+,-./:=?".indexOf(c) >= 0);
    return tlv(printable ? PRINTABLE_STRING : UTF8_STRING, text.getBytes(printable ? StandardCharsets.US_ASCII : StandardCharsets.UTF_8));
  }

  private static void writeLength(ByteArrayOutputStream out, int length) {
    if (length < 0x80) {
      out.write(length);
      return;
    }
    byte[] digits = BigInteger.valueOf(length).toByteArray();
    int skip = digits[0] == 0 ? 1 : 0;
    out.write(0x80 | (digits.length - skip));
    out.write(digits, skip, digits.length - skip);
  }

  private static void writeArc(ByteArrayOutputStream out, BigInteger arc) {
    int groups = Math.max(1, (arc.bitLength() + 6) / 7);
    for (int i = groups - 1; i >= 0; i--) {
      int bits = arc.shiftRight(7 * i).intValue() & 0x7F;
      out.write(i > 0 ? bits | 0x80 : bits);
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * One element read from DER input.
   *
   * @param tag the identifier octet
   * @param encoded the whole element: tag, length and content
   * @param headerLength how many of the encoded bytes are tag and length
   */
  record Element(int tag, byte[] encoded, int headerLength) {

    byte[] content() {
      return Arrays.copyOfRange(encoded, headerLength, encoded.length);
    }

    /** The elements a constructed element (SEQUENCE, SET, [n]) holds, in order. */
    List<Element> children() {
      List<Element> out = new ArrayList<>();
      int at = headerLength;
      while (at < encoded.length) {
        Element child = readAt(encoded, at, encoded.length);
        out.add(child);
        at += child.encoded.length;
      }
      return out;
    }

    /** The {@code index}th child, which must carry {@code expectedTag}. */
    Element child(int index, int expectedTag) {
      List<Element> children = children();
      if (index >= children.size() || children.get(index).tag != expectedTag) {
        throw new IllegalArgumentException("expected tag 0x" + Integer.toHexString(expectedTag) + " at position " + index);
      }
      return children.get(index);
    }

    /** The dotted form of an OBJECT IDENTIFIER. */
    String oid() {
      expect(OID);
      byte[] content = content();
      StringBuilder out = new StringBuilder();
      BigInteger arc = BigInteger.ZERO;
      boolean first = true;
      for (byte b : content) {
        arc = arc.shiftLeft(7).or(BigInteger.valueOf(b & 0x7F));
        if ((b & 0x80) != 0) {
          continue;
        }
        if (first) {
          int top = arc.compareTo(BigInteger.valueOf(80)) >= 0 ? 2 : arc.intValue() / 40;
          out.append(top).append('.').append(arc.subtract(BigInteger.valueOf(40L * top)));
          first = false;
        } else {
          out.append('.').append(arc);
        }
        arc = BigInteger.ZERO;
      }
      if (first || (content[content.length - 1] & 0x80) != 0) {
        throw new IllegalArgumentException("truncated object identifier");
      }
      return out.toString();
    }

    /** The text of a string element of the kinds X.509 names use. */
    String text() {
      return switch (tag) {
        case UTF8_STRING -> new String(content(), StandardCharsets.UTF_8);
        case PRINTABLE_STRING, IA5_STRING -> new String(content(), StandardCharsets.US_ASCII);
        case T61_STRING -> new String(content(), StandardCharsets.ISO_8859_1);
        case BMP_STRING -> new String(content(), StandardCharsets.UTF_16BE);
        default -> throw new IllegalArgumentException("not a string: tag 0x" + Integer.toHexString(tag));
      };
    }

    private void expect(int expectedTag) {
      if (tag != expectedTag) {
        throw new IllegalArgumentException("expected tag 0x" + Integer.toHexString(expectedTag) + ", found 0x" + Integer.toHexString(tag));
      }
    }
  }

  /** Reads the single element {@code der} consists of; trailing bytes are an error. */
  static Element read(byte[] der) {
    Element element = readAt(der, 0, der.length);
    if (element.encoded.length != der.length) {
      throw new IllegalArgumentException("trailing bytes after the DER element");
    }
    return element;
  }

  private static Element readAt(byte[] der, int at, int end) {
    if (end - at < 2) {
      throw new IllegalArgumentException("truncated DER element");
    }
    int tag = der[at] & 0xFF;
    if ((tag & 0x1F) == 0x1F) {
      throw new IllegalArgumentException("multi-byte tags are not used in certificates");
    }
    int first = der[at + 1] & 0xFF;
    int header = 2;
    long length;
    if (first < 0x80) {
      length = first;
    } else {
      int octets = first & 0x7F;
      if (octets == 0 || octets > 4) {
        throw new IllegalArgumentException("unsupported DER length form");
      }
      if (end - at < 2 + octets) {
        throw new IllegalArgumentException("truncated DER length");
      }
      length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | (der[at + 2 + i] & 0xFF);
      }
      header += octets;
    }
    if (length > end - at - header) {
      throw new IllegalArgumentException("DER element longer than its input");
    }
    return new Element(tag, Arrays.copyOfRange(der, at, at + header + (int) length), header);
  }
}
