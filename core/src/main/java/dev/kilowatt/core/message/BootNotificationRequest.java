package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The charge point announces itself (vendor, model, firmware, modem, meter) after it (re)boots.
 *
 * @param chargePointVendor the vendor's name, at most 20 characters
 * @param chargePointModel the model's name, at most 20 characters
 * @param chargePointSerialNumber the charge point's serial number
 * @param chargeBoxSerialNumber the serial number of the charge box inside the charge point (deprecated in 1.6)
 * @param firmwareVersion the version of the firmware running
 * @param iccid the ICCID of the modem's SIM card
 * @param imsi the IMSI of the modem's SIM card
 * @param meterType the type of the main energy meter
 * @param meterSerialNumber the serial number of the main energy meter
 */
public record BootNotificationRequest(
    String chargePointVendor,
    String chargePointModel,
    Optional<String> chargePointSerialNumber,
    Optional<String> chargeBoxSerialNumber,
    Optional<String> firmwareVersion,
    Optional<String> iccid,
    Optional<String> imsi,
    Optional<String> meterType,
    Optional<String> meterSerialNumber)
    implements ChargePointRequest<BootNotificationResponse> {

  /**
   * Rejects a null {@code chargePointVendor} or {@code chargePointModel}; a null optional component reads as absent.
   */
  public BootNotificationRequest {
    Fields.required(chargePointVendor, "chargePointVendor");
    Fields.required(chargePointModel, "chargePointModel");
    chargePointSerialNumber = Fields.opt(chargePointSerialNumber);
    chargeBoxSerialNumber = Fields.opt(chargeBoxSerialNumber);
    firmwareVersion = Fields.opt(firmwareVersion);
    iccid = Fields.opt(iccid);
    imsi = Fields.opt(imsi);
    meterType = Fields.opt(meterType);
    meterSerialNumber = Fields.opt(meterSerialNumber);
  }

  @Override
  public Action action() {
    return Action.BOOT_NOTIFICATION;
  }
}
