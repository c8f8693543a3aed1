package dev.kilowatt.ocpp;

import dev.kilowatt.core.port.CallError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One way a payload breaks its schema.
 *
 * @param code the CALLERROR code OCPP-J 1.6 (section 4.2.3) assigns to this kind of breach; the 2.0.1
 *     adapter maps it onto the same kind of breach under its own names
 * @param path where in the payload, as a JSON pointer ("" for the payload itself)
 * @param problem what is wrong, for people
 */
public record Violation(CallError.Code code, String path, String problem) {

  /**
   * The first {@code shown} breaches for a CALLERROR description, and how many more there are.
   *
   * @param violations the breaches a schema check found
   * @param shown how many to spell out
   * @return the description, short enough for a CALLERROR
   */
  public static String summary(List<Violation> violations, int shown) {
    String text = violations.stream().limit(shown).map(Violation::toString).collect(Collectors.joining("; "));
    return violations.size() > shown ? text + "; and " + (violations.size() - shown) + " more" : text;
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "payload" : path) + ": " + problem;
  }
}
