package dev.kilowatt.core;

import dev.kilowatt.core.availability.Availability;
import dev.kilowatt.core.ledger.Ledger;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.security.SecurityEvents;

/**
 * A medium that refuses writes (the journal's, the storage's or the secret store's) is a fault of the charge point, on connector 0 and in
 * the security log, each under its own source so that one clearing does not clear the other.
 */
final class JournalFaults implements Ledger.FaultListener {

  /** The longest info a StatusNotification carries (CiString50). */
  private static final int MAX_INFO = 50;

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

  @Override
  public void onFault(String reason) {
    availability.stationFault(new HardwareFault(source, ChargePointErrorCode.INTERNAL_ERROR, code,
        reason.length() > MAX_INFO ? reason.substring(0, MAX_INFO) : reason));
    alsoOnFault.run();
    securityEvents.reported(code, reason);
  }

  @Override
  public void onCleared() {
    availability.stationFaultCleared(source);
  }
}
