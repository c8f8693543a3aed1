package dev.kilowatt.core.messaging;

import java.util.regex.Pattern;

/** Keeps passwords out of logs and diagnostics. */
public final class Secrets {

  /** The password in a URI's user part: {@code ftp://user:password@host/}. */
  private static final Pattern URI_PASSWORD = Pattern.compile("(://[^/@:\\s]*):[^/@\\s]*@");

  private Secrets() {}

  /** {@code text} with the password of every URI in it replaced by {@code ***}. */
  public static String masked(String text) {
    return URI_PASSWORD.matcher(text).replaceAll("$1:***@");
  }
}
