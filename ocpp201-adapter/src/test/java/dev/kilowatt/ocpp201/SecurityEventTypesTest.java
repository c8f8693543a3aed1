package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.security.SecurityEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The core's security events in 2.0.1's words, without a network. */
class SecurityEventTypesTest {

  /** OCPP 2.0.1 part 2, appendix "Security events". */
  private static final Set<String> PART_2 = Set.of("FirmwareUpdated", "FailedToAuthenticateAtCsms",
      "CsmsFailedToAuthenticate", "SettingSystemTime", "StartupOfTheDevice", "ResetOrReboot", "SecurityLogWasCleared",
      "ReconfigurationOfSecurityParameters", "MemoryExhaustion", "InvalidMessages", "AttemptedReplayAttacks",
      "TamperDetectionActivated", "InvalidFirmwareSignature", "InvalidFirmwareSigningCertificate",
      "InvalidCsmsCertificate", "InvalidChargingStationCertificate", "InvalidTLSVersion", "InvalidTLSCipherSuite",
      "MaintenanceLoginAccepted", "MaintenanceLoginFailed");

  @Test
  void everySecurityEventOfTheCoreHasItsNameFromPart2sList() {
    for (SecurityEvent event : SecurityEvent.values()) {
      String name = SecurityEventTypes.of(event.ocppName());
      assertTrue(PART_2.contains(name), event + " became " + name);
    }
  }

  @Test
  void theFourEventsNamedAfterTheActorsAreRenamedAndAnEventOutsideTheListsKeepsItsName() {
    assertEquals("FailedToAuthenticateAtCsms", SecurityEventTypes.of("FailedToAuthenticateAtCentralSystem"));
    assertEquals("CsmsFailedToAuthenticate", SecurityEventTypes.of("CentralSystemFailedToAuthenticate"));
    assertEquals("InvalidCsmsCertificate", SecurityEventTypes.of("InvalidCentralSystemCertificate"));
    assertEquals("InvalidChargingStationCertificate", SecurityEventTypes.of("InvalidChargePointCertificate"));
    assertEquals("StorageWriteFailed", SecurityEventTypes.of("StorageWriteFailed"));
  }
}
