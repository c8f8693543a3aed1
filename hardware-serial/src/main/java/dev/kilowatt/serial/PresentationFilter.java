package dev.kilowatt.serial;

import java.time.Duration;

/**
 * Turns a stream of sightings of cards into one event per presentation. Readers see a card again and again
 * while it lies on them (the RDM6300 repeats its frame, the PN532 is polled); a card counts as presented anew
 * only when it was out of sight for the whole gap, which also hides a card that flickers at the edge of the field.
 * A different card is a new presentation at once.
 */
final class PresentationFilter {

  private final long gapNanos;
  private String lastId;
  private long lastSeenNanos;

  PresentationFilter(Duration gap) {
    this.gapNanos = gap.toNanos();
  }

  /** Records a sighting of {@code id} at {@code nowNanos}; true if it starts a new presentation. */
  boolean sighted(String id, long nowNanos) {
    boolean fresh = !id.equals(lastId) || nowNanos - lastSeenNanos > gapNanos;
    lastId = id;
    lastSeenNanos = nowNanos;
    return fresh;
  }
}
