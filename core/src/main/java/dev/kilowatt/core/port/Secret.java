package dev.kilowatt.core.port;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A secret value (an AuthorizationKey, a private key): its bytes are handed out only on request, and it
 * prints as {@code Secret[***]} so it cannot slip into a log or a trace by accident.
 */
public final class Secret {

  private final byte[] bytes;

  private Secret(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * A secret holding a copy of {@code bytes}.
   *
   * @param bytes the secret's bytes; the caller may clear its array afterwards
   * @return the secret
   * @throws IllegalArgumentException if {@code bytes} is empty: no secret is empty, an erased one is absent
   */
  public static Secret of(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("a secret has at least one byte");
    }
    return new Secret(bytes.clone());
  }

  /** {@return a copy of the secret's bytes, for the one place that needs them} */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@return how many bytes the secret has; safe to log} */
  public int length() {
    return bytes.length;
  }

  /** Compares in time independent of where the secrets differ, so a comparison leaks nothing. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && MessageDigest.isEqual(bytes, secret.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Secret[***]";
  }
}
