package dev.kilowatt.core.smartcharging;

import java.util.Locale;
import java.util.Objects;

/**
 * A current and why: the amperes per phase, and the one bound that set them. Where two bounds give the same
 * current, the one found first is kept, so a hardware rating never hides the profile that asked for as much.
 *
 * @param amperes per phase, 0 or more
 * @param bound what set it
 */
public record ExplainedLimit(double amperes, LimitBound bound) {

  /** Checks that the limit is 0 A or more and finite. */
  public ExplainedLimit {
    Objects.requireNonNull(bound, "bound");
    if (!(amperes >= 0) || Double.isInfinite(amperes)) {
      throw new IllegalArgumentException("a limit is 0 A or more: " + amperes);
    }
  }

  /** {@return the current and its bound for people, e.g. "8.0 A: share of 16.0 A among 2 connectors (...)"} */
  public String describe() {
    return String.format(Locale.ROOT, "%.1f A: %s", amperes, bound.describe());
  }

  /** This limit, or {@code other} if that one is lower. */
  ExplainedLimit lower(ExplainedLimit other) {
    return other.amperes < amperes ? other : this;
  }
}
