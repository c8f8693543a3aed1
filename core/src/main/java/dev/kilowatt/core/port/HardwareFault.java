package dev.kilowatt.core.port;

import dev.kilowatt.core.ConnectorFault;
import java.util.Objects;

/**
 * A fault a hardware adapter detected.
 *
 * @param source which part raised it (e.g. "relay", "meter"); a later clear names the same source
 * @param fault what kind of fault it is, which each protocol adapter reports in its own words
 * @param vendorErrorCode the board's own code (e.g. "RELAY_WELDED"), at most 50 characters; may be empty
 * @param info free text for people, at most 50 characters; may be empty
 */
public record HardwareFault(String source, ConnectorFault fault, String vendorErrorCode, String info) {

  /** Rejects null components; an empty vendor code or info means there is none. */
  public HardwareFault {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(vendorErrorCode, "vendorErrorCode");
    Objects.requireNonNull(info, "info");
  }

  /** {@return whether charging must stop while this fault lasts (every fault but NONE and OTHER)} */
  public boolean stopsCharging() {
    return fault != ConnectorFault.NONE && fault != ConnectorFault.OTHER;
  }
}
