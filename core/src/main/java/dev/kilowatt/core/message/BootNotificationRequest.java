package dev.kilowatt.core.message;

import java.util.Optional;

/** The charge point announces itself (vendor, model, firmware, modem, meter) after it (re)boots. */
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
