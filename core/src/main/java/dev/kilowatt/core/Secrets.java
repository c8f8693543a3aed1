package dev.kilowatt.core;

import java.util.regex.Pattern;

/** Keeps passwords out of logs and diagnostics. */
final class Secrets {

  /** The password in a URI's user part: {@code ftp://user:password@host/}. */
  private static final Pattern URI_PASSWORD = Pattern.compile("(://[^/@:\\s]*):[^/@\\s]*@");

  private Secrets() {}

  /** {@code text} with the password of every URI in it replaced by {@code ***}. */
  static String masked(String text) {
    return URI_PASSWORD.matcher(text).replaceAll("$1:***@");
  }
}
