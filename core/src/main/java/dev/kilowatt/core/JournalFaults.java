package dev.kilowatt.core;

import dev.kilowatt.core.availability.Availability;
import dev.kilowatt.core.ledger.Ledger;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.security.SecurityEvents;
import java.util.List;

/**
 * A medium that refuses writes (the journal's, the storage's or the secret store's) is a fault of the charge point, on connector 0 and in
 * the security log, each under its own source so that one clearing does not clear the other.
 */
final class JournalFaults implements Ledger.FaultListener {

  /** The longest info a StatusNotification carries (CiString50). */
  private static final int MAX_INFO = 50;
  /** The vendorErrorCode and the security event of a journal record the start could not read. */
  private static final String UNREADABLE = "JournalRecordUnreadable";

  private final Availability availability;
  /** What else a fault of this medium asks for. */
  private final Runnable alsoOnFault;
  private final SecurityEvents securityEvents;
  private final String source;
  /** The vendorErrorCode and the security event's name. */
  private final String code;

  /** The journal's faults: source "journal", JournalWriteFailed. */
  static JournalFaults journal(Availability availability, Outbox outbox, SecurityEvents securityEvents) {
    return new JournalFaults(availability, securityEvents, "journal", "JournalWriteFailed", outbox::releaseAllReserved);
  }

  /** The storage's faults: source "storage", StorageWriteFailed; the outbox's reserved places wait on the journal only. */
  static JournalFaults storage(Availability availability, SecurityEvents securityEvents) {
    return new JournalFaults(availability, securityEvents, "storage", "StorageWriteFailed", () -> {});
  }

  /** The embedder's secret store's faults: source "secrets", SecretWriteFailed; the next change it takes clears it. */
  static JournalFaults secrets(Availability availability, SecurityEvents securityEvents) {
    return new JournalFaults(availability, securityEvents, "secrets", "SecretWriteFailed", () -> {});
  }

  private JournalFaults(Availability availability, SecurityEvents securityEvents, String source, String code, Runnable alsoOnFault) {
    this.availability = availability;
    this.alsoOnFault = alsoOnFault;
    this.securityEvents = securityEvents;
    this.source = source;
    this.code = code;
  }

  /**
   * Reports the records the journal could not read at start and set aside: a fault on connector 0 for as long as
   * this start runs, under a source of its own ("journal-records") so that a write fault clearing does not clear
   * it, a security event and the counter journal.unreadable for each. Replay skipped only them, so the charger
   * goes on; someone has to look at what was kept aside.
   */
  static void setAside(List<Journal.Unreadable> records, Availability availability, SecurityEvents securityEvents,
      Counters counters) {
    if (records.isEmpty()) {
      return;
    }
    for (Journal.Unreadable record : records) {
      counters.increment("journal.unreadable");
      securityEvents.reported(UNREADABLE, record.where() + " kept in " + record.keptIn() + ": " + record.reason());
    }
    availability.stationFault(new HardwareFault("journal-records", ConnectorFault.INTERNAL_ERROR, UNREADABLE,
        info(records.size() + " journal records set aside")));
  }

  @Override
  public void onFault(String reason) {
    availability.stationFault(new HardwareFault(source, ConnectorFault.INTERNAL_ERROR, code, info(reason)));
    alsoOnFault.run();
    securityEvents.reported(code, reason);
  }

  @Override
  public void onCleared() {
    availability.stationFaultCleared(source);
  }

  private static String info(String text) {
    return text.length() > MAX_INFO ? text.substring(0, MAX_INFO) : text;
  }
}
