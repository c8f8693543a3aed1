package dev.kilowatt.ocpp;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the values of secret configuration keys out of OCPP-J frames before people see them: the value a
 * ChangeConfiguration.req sets and, should one ever carry it, the value of a GetConfiguration.conf entry.
 * Both are flat JSON objects with a {@code key} and a {@code value} member, in either order, which is all
 * this looks for, so a malformed frame is masked as far as it goes and never refused.
 */
final class SecretFrames {

  /** The write-only keys of OCPP 1.6 and its security white paper that hold a secret. */
  static final Set<String> SECRET_KEYS = Set.of("AuthorizationKey");

  private static final Pattern FLAT_OBJECT = Pattern.compile("\\{[^{}]*\\}");
  private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"\\\\]*)\"");
  private static final Pattern VALUE = Pattern.compile("(\"value\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

  private SecretFrames() {}

  /** {@code frame} with the value of every secret key replaced by {@code ***}. */
  static String masked(String frame) {
    if (SECRET_KEYS.stream().noneMatch(frame::contains)) {
      return frame;
    }
    Matcher object = FLAT_OBJECT.matcher(frame);
    StringBuilder out = new StringBuilder(frame.length());
    while (object.find()) {
      String member = object.group();
      Matcher key = KEY.matcher(member);
      boolean secret = key.find() && SECRET_KEYS.contains(key.group(1));
      object.appendReplacement(out, Matcher.quoteReplacement(secret ? VALUE.matcher(member).replaceAll("$1\"***\"") : member));
    }
    object.appendTail(out);
    return out.toString();
  }
}
