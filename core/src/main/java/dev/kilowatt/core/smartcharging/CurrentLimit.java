package dev.kilowatt.core.smartcharging;

import java.time.Instant;
import java.util.Optional;

/**
 * The current a connector may offer now, and the next instant at which that may change, so that the
 * event loop can set the control pilot and arm a single timer.
 *
 * @param amperes the limit per phase in A, at most the connector's rating; 0 means no charging
 * @param nextChange the next period boundary of any profile that concerns the connector; absent when no
 *     profile will ever change the limit again
 */
record CurrentLimit(double amperes, Optional<Instant> nextChange) {

  CurrentLimit {
    nextChange = nextChange == null ? Optional.empty() : nextChange;
  }
}
