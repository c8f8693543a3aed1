package dev.kilowatt.ocpp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one reading of OCPP dateTime values, shared by the validator and the binder so that a value the
 * validator accepts always binds: RFC 3339 with an explicit offset ("Z" or "+hh:mm"); local times without
 * an offset are ambiguous and refused.
 */
final class DateTimes {

  private DateTimes() {
  }

  static Optional<Instant> parse(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
