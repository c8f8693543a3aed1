package dev.kilowatt.core.security;

import java.util.Optional;

/**
 * The security events of the white paper "Improved security for OCPP 1.6-J" (edition 3, section 8), with
 * their names as the paper writes them and whether they are critical.
 */
public enum SecurityEvent {
  FIRMWARE_UPDATED("FirmwareUpdated", true),
  FAILED_TO_AUTHENTICATE_AT_CENTRAL_SYSTEM("FailedToAuthenticateAtCentralSystem", false),
  CENTRAL_SYSTEM_FAILED_TO_AUTHENTICATE("CentralSystemFailedToAuthenticate", false),
  SETTING_SYSTEM_TIME("SettingSystemTime", true),
  STARTUP_OF_THE_DEVICE("StartupOfTheDevice", true),
  RESET_OR_REBOOT("ResetOrReboot", true),
  SECURITY_LOG_WAS_CLEARED("SecurityLogWasCleared", true),
  RECONFIGURATION_OF_SECURITY_PARAMETERS("ReconfigurationOfSecurityParameters", false),
  MEMORY_EXHAUSTION("MemoryExhaustion", true),
  INVALID_MESSAGES("InvalidMessages", false),
  ATTEMPTED_REPLAY_ATTACKS("AttemptedReplayAttacks", false),
  TAMPER_DETECTION_ACTIVATED("TamperDetectionActivated", true),
  INVALID_FIRMWARE_SIGNATURE("InvalidFirmwareSignature", false),
  INVALID_FIRMWARE_SIGNING_CERTIFICATE("InvalidFirmwareSigningCertificate", false),
  INVALID_CENTRAL_SYSTEM_CERTIFICATE("InvalidCentralSystemCertificate", false),
  INVALID_CHARGE_POINT_CERTIFICATE("InvalidChargePointCertificate", false),
  INVALID_TLS_VERSION("InvalidTLSVersion", false),
  INVALID_TLS_CIPHER_SUITE("InvalidTLSCipherSuite", false);

  private final String ocppName;
  private final boolean critical;

  SecurityEvent(String ocppName, boolean critical) {
    this.ocppName = ocppName;
    this.critical = critical;
  }

  /** The type as SecurityEventNotification.req carries it. */
  public String ocppName() {
    return ocppName;
  }

  /** Critical events must reach the central system even across a loss of connection (A04.FR.01, A04.FR.02). */
  boolean critical() {
    return critical;
  }

  static Optional<SecurityEvent> byName(String ocppName) {
    for (SecurityEvent event : values()) {
      if (event.ocppName.equals(ocppName)) {
        return Optional.of(event);
      }
    }
    return Optional.empty();
  }
}
