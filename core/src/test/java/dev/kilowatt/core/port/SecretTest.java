package dev.kilowatt.core.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretTest {

  private static final byte[] KEY = "0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII);

  @Test
  void printsMaskedWhereverItEndsUp() {
    Secret secret = Secret.of(KEY);

    assertEquals("Secret[***]", secret.toString());
    assertFalse(String.valueOf(java.util.List.of(secret)).contains("0123"));
    assertEquals(20, secret.length());
  }

  @Test
  void neitherTheGivenNorTheHandedOutBytesChangeIt() {
    byte[] given = KEY.clone();
    Secret secret = Secret.of(given);
    given[0] = 'X';
    secret.bytes()[1] = 'Y';

    assertArrayEquals(KEY, secret.bytes());
    assertEquals(Secret.of(KEY), secret);
    assertEquals(Secret.of(KEY).hashCode(), secret.hashCode());
    assertNotEquals(Secret.of(given), secret);
  }

  @Test
  void anEmptySecretIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Secret.of(new byte[0]));
  }
}
