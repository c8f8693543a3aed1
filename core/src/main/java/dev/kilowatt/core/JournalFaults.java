package dev.kilowatt.core;

import dev.kilowatt.core.availability.Availability;
import dev.kilowatt.core.ledger.Ledger;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.security.SecurityEvents;

/** A journal that refuses writes is a fault of the charge point, on connector 0 and in the security log. */
final class JournalFaults implements Ledger.FaultListener {

  private static final String SOURCE = "journal";
  /** The longest info a StatusNotification carries (CiString50). */
  private static final int MAX_INFO = 50;

  private final Availability availability;
  private final Outbox outbox;
  private final SecurityEvents securityEvents;

  JournalFaults(Availability availability, Outbox outbox, SecurityEvents securityEvents) {
    this.availability = availability;
    this.outbox = outbox;
    this.securityEvents = securityEvents;
  }

  @Override
  public void onFault(String reason) {
    availability.stationFault(new HardwareFault(SOURCE, ChargePointErrorCode.INTERNAL_ERROR, "JournalWriteFailed",
        reason.length() > MAX_INFO ? reason.substring(0, MAX_INFO) : reason));
    outbox.releaseAllReserved();
    securityEvents.reported("JournalWriteFailed", reason);
  }

  @Override
  public void onCleared() {
    availability.stationFaultCleared(SOURCE);
  }
}
