package dev.kilowatt.core.security;

import java.util.Optional;

/**
 * The security events of the white paper "Improved security for OCPP 1.6-J" (edition 3, section 8), with
 * their names as the paper writes them and whether they are critical.
 */
public enum SecurityEvent {
  /** The firmware was updated. */
  FIRMWARE_UPDATED("FirmwareUpdated", true),
  /** The central system refused the charge point's credentials. */
  FAILED_TO_AUTHENTICATE_AT_CENTRAL_SYSTEM("FailedToAuthenticateAtCentralSystem", false),
  /** The central system presented no acceptable credentials. */
  CENTRAL_SYSTEM_FAILED_TO_AUTHENTICATE("CentralSystemFailedToAuthenticate", false),
  /** The clock was set. */
  SETTING_SYSTEM_TIME("SettingSystemTime", true),
  /** The charge point started. */
  STARTUP_OF_THE_DEVICE("StartupOfTheDevice", true),
  /** The charge point was reset or rebooted. */
  RESET_OR_REBOOT("ResetOrReboot", true),
  /** The security log was cleared. */
  SECURITY_LOG_WAS_CLEARED("SecurityLogWasCleared", true),
  /** A security parameter (AuthorizationKey, SecurityProfile) was changed. */
  RECONFIGURATION_OF_SECURITY_PARAMETERS("ReconfigurationOfSecurityParameters", false),
  /** The charge point ran out of memory. */
  MEMORY_EXHAUSTION("MemoryExhaustion", true),
  /** The central system sent messages the charge point could not take. */
  INVALID_MESSAGES("InvalidMessages", false),
  /** A message arrived again that had been handled. */
  ATTEMPTED_REPLAY_ATTACKS("AttemptedReplayAttacks", false),
  /** The enclosure was opened or the hardware tampered with. */
  TAMPER_DETECTION_ACTIVATED("TamperDetectionActivated", true),
  /** A firmware image's signature did not verify. */
  INVALID_FIRMWARE_SIGNATURE("InvalidFirmwareSignature", false),
  /** The certificate that signed a firmware image is not trusted. */
  INVALID_FIRMWARE_SIGNING_CERTIFICATE("InvalidFirmwareSigningCertificate", false),
  /** The central system's TLS certificate is not trusted. */
  INVALID_CENTRAL_SYSTEM_CERTIFICATE("InvalidCentralSystemCertificate", false),
  /** A charge point certificate the central system sent is not acceptable. */
  INVALID_CHARGE_POINT_CERTIFICATE("InvalidChargePointCertificate", false),
  /** The central system offered no acceptable TLS version. */
  INVALID_TLS_VERSION("InvalidTLSVersion", false),
  /** The central system offered no acceptable cipher suite. */
  INVALID_TLS_CIPHER_SUITE("InvalidTLSCipherSuite", false);

  private final String ocppName;
  private final boolean critical;

  SecurityEvent(String ocppName, boolean critical) {
    this.ocppName = ocppName;
    this.critical = critical;
  }

  /** {@return the type as SecurityEventNotification.req carries it} */
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
