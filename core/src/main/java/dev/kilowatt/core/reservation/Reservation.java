package dev.kilowatt.core.reservation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One reservation, as {@link Reservations} holds and saves it; {@code connectorId} 0 means any connector. */
record Reservation(int id, int connectorId, String idTag, Optional<String> parentIdTag, Instant expiryDate) {
  Reservation {
    Objects.requireNonNull(idTag, "idTag");
    Objects.requireNonNull(expiryDate, "expiryDate");
    parentIdTag = parentIdTag == null ? Optional.empty() : parentIdTag;
  }

  /** Section 5.13: the reserved idTag, or a card that shares the reservation's parent idTag. */
  boolean admits(Reservations.Driver driver) {
    if (driver.idTag().equalsIgnoreCase(idTag)) {
      return true;
    }
    return parentIdTag.filter(parent -> driver.idTag().equalsIgnoreCase(parent) || driver.parentUnknown()
        || driver.parentIdTag().filter(parent::equalsIgnoreCase).isPresent()).isPresent();
  }
}
