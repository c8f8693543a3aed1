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
 * @param reason why the charge point started; OCPP 1.6 does not carry it, OCPP 2.0.1 does
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
    Optional<String> meterSerialNumber,
    BootReason reason)
    implements ChargePointRequest<BootNotificationResponse> {

  /**
   * Rejects a null {@code chargePointVendor} or {@code chargePointModel}; a null optional component reads as absent,
   * and a null reason (a 1.6 payload, which has none) as {@link BootReason#POWER_UP}.
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
    reason = reason == null ? BootReason.POWER_UP : reason;
  }

  /**
   * A BootNotification of a charge point that started without a reboot of the domain's before.
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
  public BootNotificationRequest(String chargePointVendor, String chargePointModel, Optional<String> chargePointSerialNumber,
      Optional<String> chargeBoxSerialNumber, Optional<String> firmwareVersion, Optional<String> iccid, Optional<String> imsi,
      Optional<String> meterType, Optional<String> meterSerialNumber) {
    this(chargePointVendor, chargePointModel, chargePointSerialNumber, chargeBoxSerialNumber, firmwareVersion, iccid, imsi,
        meterType, meterSerialNumber, BootReason.POWER_UP);
  }

  /**
   * {@return this BootNotification with {@code why} as its reason}
   *
   * @param why why the charge point started
   */
  public BootNotificationRequest withReason(BootReason why) {
    return new BootNotificationRequest(chargePointVendor, chargePointModel, chargePointSerialNumber, chargeBoxSerialNumber,
        firmwareVersion, iccid, imsi, meterType, meterSerialNumber, why);
  }

  @Override
  public Action action() {
    return Action.BOOT_NOTIFICATION;
  }
}
