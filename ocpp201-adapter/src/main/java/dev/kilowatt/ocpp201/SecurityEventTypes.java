package dev.kilowatt.ocpp201;

import java.util.Map;

/**
 * The core's security events, named as the security white paper for 1.6 names them, in 2.0.1's words (part 2
 * appendix, "Security events"). Four were renamed with the actors (Central System became CSMS, Charge Point
 * Charging Station); the others are spelt alike. An event outside both lists (the core's own, such as
 * {@code StorageWriteFailed}) keeps its name: the list is not exhaustive and its type is free text.
 */
final class SecurityEventTypes {

  private static final Map<String, String> RENAMED = Map.of(
      "FailedToAuthenticateAtCentralSystem", "FailedToAuthenticateAtCsms",
      "CentralSystemFailedToAuthenticate", "CsmsFailedToAuthenticate",
      "InvalidCentralSystemCertificate", "InvalidCsmsCertificate",
      "InvalidChargePointCertificate", "InvalidChargingStationCertificate");

  private SecurityEventTypes() {
  }

  /** The 2.0.1 name of the core's event {@code type}. */
  static String of(String type) {
    return RENAMED.getOrDefault(type, type);
  }
}
