package dev.kilowatt.core;

import dev.kilowatt.core.message.BootNotificationRequest;
import java.util.Objects;
import java.util.Optional;

/** What the charge point tells the central system about itself in BootNotification.req. */
public record ChargePointIdentity(
    String vendor,
    String model,
    Optional<String> serialNumber,
    Optional<String> firmwareVersion,
    Optional<String> iccid,
    Optional<String> imsi,
    Optional<String> meterType,
    Optional<String> meterSerialNumber) {

  public ChargePointIdentity {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(model, "model");
    if (vendor.length() > 20 || model.length() > 20) {
      throw new IllegalArgumentException("vendor and model are at most 20 characters");
    }
  }

  public static ChargePointIdentity of(String vendor, String model) {
    return new ChargePointIdentity(vendor, model, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  public ChargePointIdentity withSerialNumber(String serial) {
    return new ChargePointIdentity(vendor, model, Optional.of(serial), firmwareVersion, iccid, imsi, meterType, meterSerialNumber);
  }

  public ChargePointIdentity withFirmwareVersion(String version) {
    return new ChargePointIdentity(vendor, model, serialNumber, Optional.of(version), iccid, imsi, meterType, meterSerialNumber);
  }

  BootNotificationRequest bootNotification() {
    return new BootNotificationRequest(vendor, model, serialNumber, Optional.empty(), firmwareVersion, iccid, imsi, meterType,
        meterSerialNumber);
  }
}
