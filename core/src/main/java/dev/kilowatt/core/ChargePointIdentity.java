package dev.kilowatt.core;

import dev.kilowatt.core.message.BootNotificationRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * What the charge point tells the central system about itself in BootNotification.req.
 *
 * @param vendor chargePointVendor, at most 20 characters
 * @param model chargePointModel, at most 20 characters
 * @param serialNumber chargePointSerialNumber; empty when not told
 * @param firmwareVersion the version of the firmware that runs; empty when not told
 * @param iccid the ICCID of the modem's SIM card; empty without a modem
 * @param imsi the IMSI of the modem's SIM card; empty without a modem
 * @param meterType the type of the main energy meter; empty when not told
 * @param meterSerialNumber the serial number of the main energy meter; empty when not told
 */
public record ChargePointIdentity(
    String vendor,
    String model,
    Optional<String> serialNumber,
    Optional<String> firmwareVersion,
    Optional<String> iccid,
    Optional<String> imsi,
    Optional<String> meterType,
    Optional<String> meterSerialNumber) {

  /** Checks that vendor and model are given and fit BootNotification (CiString20). */
  public ChargePointIdentity {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(model, "model");
    if (vendor.length() > 20 || model.length() > 20) {
      throw new IllegalArgumentException("vendor and model are at most 20 characters");
    }
  }

  /**
   * A charge point of {@code vendor} and {@code model}, nothing else told.
   *
   * @param vendor chargePointVendor, at most 20 characters
   * @param model chargePointModel, at most 20 characters
   * @return the identity without any of the optional fields
   */
  public static ChargePointIdentity of(String vendor, String model) {
    return new ChargePointIdentity(vendor, model, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /**
   * This identity with the charge point's serial number.
   *
   * @param serial chargePointSerialNumber
   * @return the changed identity
   */
  public ChargePointIdentity withSerialNumber(String serial) {
    return new ChargePointIdentity(vendor, model, Optional.of(serial), firmwareVersion, iccid, imsi, meterType, meterSerialNumber);
  }

  /**
   * This identity with the firmware version that runs.
   *
   * @param version firmwareVersion, as BootNotification.req reports it
   * @return the changed identity
   */
  public ChargePointIdentity withFirmwareVersion(String version) {
    return new ChargePointIdentity(vendor, model, serialNumber, Optional.of(version), iccid, imsi, meterType, meterSerialNumber);
  }

  BootNotificationRequest bootNotification() {
    return new BootNotificationRequest(vendor, model, serialNumber, Optional.empty(), firmwareVersion, iccid, imsi, meterType,
        meterSerialNumber);
  }
}
