package dev.kilowatt.core.messaging;

import java.util.regex.Pattern;

/** Keeps passwords out of logs and diagnostics. */
public final class Secrets {

  /** The password in a URI's user part: {@code ftp://user:password@host/}. */
  private static final Pattern URI_PASSWORD = Pattern.compile("(://[^/@:\\s]*):[^/@\\s]*@");

  private Secrets() {}

  /**
   * Masks the passwords in a text that may hold URIs, e.g. a frame or a file-transfer location.
   *
   * @param text any text
   * @return {@code text} with the password of every URI in it replaced by {@code ***}
   */
  public static String masked(String text) {
    return mayHoldUriPassword(text) ? URI_PASSWORD.matcher(text).replaceAll("$1:***@") : text;
  }

  /**
   * Whether {@code text} has a {@code ://} with an {@code @} somewhere after it, which every match of
   * {@link #URI_PASSWORD} needs. The traffic log masks every frame, and almost none holds a URI: two
   * scans for plain characters cost a fraction of one regex pass, which was the hottest code of a
   * GetConfiguration in the profile (docs/footprint.md).
   */
  static boolean mayHoldUriPassword(String text) {
    int scheme = text.indexOf("://");
    return scheme >= 0 && text.indexOf('@', scheme + 3) >= 0;
  }
}
