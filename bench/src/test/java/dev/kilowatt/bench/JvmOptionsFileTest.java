package dev.kilowatt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmOptionsFileTest {

  @Test
  void oneOptionALineWithoutCommentsOrBlankLines() {
    assertEquals(List.of("-Xmx24m", "-XX:+UseSerialGC", "-Xss256k"),
        JvmOptionsFile.parse("# heap\n-Xmx24m\n\n   -XX:+UseSerialGC   \n\t# stacks\n-Xss256k"));
  }
}
