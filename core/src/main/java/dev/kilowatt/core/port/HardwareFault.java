package dev.kilowatt.core.port;

import dev.kilowatt.core.message.ChargePointErrorCode;
import java.util.Objects;

/**
 * A fault a hardware adapter detected.
 *
 * @param source which part raised it (e.g. "relay", "meter"); a later clear names the same source
 * @param errorCode how OCPP reports it
 * @param vendorErrorCode the board's own code (e.g. "RELAY_WELDED"), at most 50 characters; may be empty
 * @param info free text for people, at most 50 characters; may be empty
 */
public record HardwareFault(String source, ChargePointErrorCode errorCode, String vendorErrorCode, String info) {

  /** Rejects null components; an empty vendor code or info means there is none. */
  public HardwareFault {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(vendorErrorCode, "vendorErrorCode");
    Objects.requireNonNull(info, "info");
  }

  /** {@return whether charging must stop while this fault lasts (every code but NoError and OtherError)} */
  public boolean stopsCharging() {
    return errorCode != ChargePointErrorCode.NO_ERROR && errorCode != ChargePointErrorCode.OTHER_ERROR;
  }
}
