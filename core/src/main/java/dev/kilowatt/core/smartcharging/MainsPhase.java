package dev.kilowatt.core.smartcharging;

import java.util.EnumSet;
import java.util.Set;

/** A phase of the grid connection, which every connector wired to it loads. */
public enum MainsPhase {
  /** The first phase (R). */
  L1,
  /** The second phase (S). */
  L2,
  /** The third phase (T). */
  L3;

  /**
   * The first {@code count} phases: where a connector sits when its phase rotation is not known, which counts every
   * single-phase connector on L1, the safe assumption.
   */
  static Set<MainsPhase> first(int count) {
    if (count < 1 || count > 3) {
      throw new IllegalArgumentException("a connector uses 1 to 3 phases, not " + count);
    }
    return Set.copyOf(EnumSet.range(L1, values()[count - 1]));
  }
}
