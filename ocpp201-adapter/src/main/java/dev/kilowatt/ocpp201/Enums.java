package dev.kilowatt.ocpp201;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The enumerations of the OCPP 2.0.1 messages this adapter types, with their values read from the OCA's JSON
 * schemas. Each constant is spelled as part 2 of the specification spells the value (a value that is no Java
 * name, such as a dotted measurand, carries its wire spelling in {@code @JsonProperty}), so that reading a
 * record and reading the specification are the same reading.
 */
public final class Enums {

  private Enums() {
  }

  /** Why the station sent its BootNotification. ({@code BootReasonEnumType}) */
  public enum BootReason {
    /** The station's software restarted, e.g. after a crash. */
    ApplicationReset,
    /** The station rebooted into new firmware. */
    FirmwareUpdate,
    /** Someone reset the station on site. */
    LocalReset,
    /** The station was switched on or its power came back. */
    PowerUp,
    /** The CSMS asked for the reset. */
    RemoteReset,
    /** A reset the station had planned, e.g. one postponed until it was idle. */
    ScheduledReset,
    /** A TriggerMessage asked for a BootNotification. */
    Triggered,
    /** The station does not know why it booted. */
    Unknown,
    /** The watchdog restarted the station. */
    Watchdog
  }

  /** The CSMS's verdict on a BootNotification. ({@code RegistrationStatusEnumType}) */
  public enum RegistrationStatus {
    /** The station is registered and may operate; heartbeats follow the returned interval. */
    Accepted,
    /** Not registered yet: the CSMS may first configure the station, which boots again after the interval. */
    Pending,
    /** Not registered: the station sends nothing until the interval has passed. */
    Rejected
  }

  /** What a StatusNotification reports of a connector. ({@code ConnectorStatusEnumType}) */
  public enum ConnectorStatus {
    /** Free for a new user. */
    Available,
    /** In use: an EV is plugged in or a transaction runs. */
    Occupied,
    /** Held for one token by a reservation. */
    Reserved,
    /** Out of service, e.g. after a ChangeAvailability. */
    Unavailable,
    /** An error keeps the connector from charging. */
    Faulted
  }

  /** How an IdToken was obtained, which says how to read it. ({@code IdTokenEnumType}) */
  public enum IdTokenType {
    /** Made up by the CSMS, e.g. for a start from an app. */
    Central,
    /** An e-mobility account id, as ISO 15118 and contract certificates carry it. */
    eMAID,
    /** The UID of a proximity RFID card, such as a MIFARE card. */
    ISO14443,
    /** The UID of a vicinity RFID card. */
    ISO15693,
    /** A code typed on the station's keypad. */
    KeyCode,
    /** Made up by the station itself, e.g. for a transaction started before any token was presented. */
    Local,
    /** The EV's MAC address, for charging that authorizes by the car alone. */
    MacAddress,
    /** No authorization took place, e.g. charging is free here. */
    NoAuthorization
  }

  /** Whether an IdToken may charge. ({@code AuthorizationStatusEnumType}) */
  public enum AuthorizationStatus {
    /** The token may charge. */
    Accepted,
    /** The token is known but barred, e.g. a card reported lost. */
    Blocked,
    /** The token is already charging elsewhere and may not run two transactions at once. */
    ConcurrentTx,
    /** The token was valid but has expired. */
    Expired,
    /** The token is not valid. */
    Invalid,
    /** The account behind the token has no credit left. */
    NoCredit,
    /** The token may not charge on this type of EVSE, e.g. DC. */
    NotAllowedTypeEVSE,
    /** The token may not charge at this location. */
    NotAtThisLocation,
    /** The token may not charge at this time. */
    NotAtThisTime,
    /** The CSMS does not know the token. */
    Unknown
  }

  /** The CSMS's verdict on the certificate sent with an Authorize. ({@code AuthorizeCertificateStatusEnumType}) */
  public enum CertificateStatus {
    /** The contract certificate checked out. */
    Accepted,
    /** The certificate's signature is not valid. */
    SignatureError,
    /** The certificate has expired. */
    CertificateExpired,
    /** The certificate has been revoked. */
    CertificateRevoked,
    /** No certificate could be found to check. */
    NoCertificateAvailable,
    /** The certificate does not chain to a trusted root. */
    CertChainError,
    /** The contract the certificate stands for is cancelled. */
    ContractCancelled
  }

  /** How the content of a message to the driver is encoded. ({@code MessageFormatEnumType}) */
  public enum MessageFormat {
    /** Plain ASCII text. */
    ASCII,
    /** HTML markup. */
    HTML,
    /** A link to where the message is. */
    URI,
    /** Plain UTF-8 text. */
    UTF8
  }

  /** Which attribute of a variable is read or written. ({@code AttributeEnumType}) */
  public enum Attribute {
    /** The value in use now. */
    Actual,
    /** The value the component is to reach, e.g. a setpoint. */
    Target,
    /** The lowest value that may be set. */
    MinSet,
    /** The highest value that may be set. */
    MaxSet
  }

  /** The outcome of reading one variable. ({@code GetVariableStatusEnumType}) */
  public enum GetVariableStatus {
    /** The value was read and is in the result. */
    Accepted,
    /** The value cannot be read, e.g. it is write-only. */
    Rejected,
    /** The station has no such component. */
    UnknownComponent,
    /** The component has no such variable. */
    UnknownVariable,
    /** The variable has no attribute of that type. */
    NotSupportedAttributeType
  }

  /** The outcome of writing one variable. ({@code SetVariableStatusEnumType}) */
  public enum SetVariableStatus {
    /** The value is set and in effect. */
    Accepted,
    /** The value is not taken, e.g. it is out of range or read-only. */
    Rejected,
    /** The station has no such component. */
    UnknownComponent,
    /** The component has no such variable. */
    UnknownVariable,
    /** The variable has no attribute of that type. */
    NotSupportedAttributeType,
    /** The value is stored but takes effect only after a reboot. */
    RebootRequired
  }

  /** When a reset is to happen. ({@code ResetEnumType}) */
  public enum ResetType {
    /** Reset now, ending any transaction. */
    Immediate,
    /** Reset once no transaction runs. */
    OnIdle
  }

  /** The station's answer to a Reset. ({@code ResetStatusEnumType}) */
  public enum ResetStatus {
    /** The station will reset. */
    Accepted,
    /** The station will not reset. */
    Rejected,
    /** The station will reset once its transactions have ended. */
    Scheduled
  }

  /** The station's answer to a remote start or stop. ({@code RequestStartStopStatusEnumType}) */
  public enum RequestStartStopStatus {
    /** The station will try to start or stop the transaction. */
    Accepted,
    /** The station will not start or stop it. */
    Rejected
  }

  /** The message a TriggerMessage asks for. ({@code MessageTriggerEnumType}) */
  public enum MessageTrigger {
    /** A BootNotification, with reason Triggered. */
    BootNotification,
    /** A LogStatusNotification of the log upload in progress. */
    LogStatusNotification,
    /** A FirmwareStatusNotification of the firmware update in progress. */
    FirmwareStatusNotification,
    /** A Heartbeat. */
    Heartbeat,
    /** MeterValues of the EVSE asked for, or of all of them. */
    MeterValues,
    /** A SignCertificateRequest for the station's own (charging station) certificate. */
    SignChargingStationCertificate,
    /** A SignCertificateRequest for the ISO 15118 V2G certificate. */
    SignV2GCertificate,
    /** A StatusNotification of the connector asked for. */
    StatusNotification,
    /** A TransactionEvent of the running transaction of the EVSE asked for. */
    TransactionEvent,
    /** A SignCertificateRequest for a certificate used for both roles. */
    SignCombinedCertificate,
    /** A PublishFirmwareStatusNotification of a local controller. */
    PublishFirmwareStatusNotification
  }

  /** The station's answer to a TriggerMessage. ({@code TriggerMessageStatusEnumType}) */
  public enum TriggerMessageStatus {
    /** The message will be sent. */
    Accepted,
    /** The message will not be sent. */
    Rejected,
    /** The station cannot send the message asked for. */
    NotImplemented
  }

  /** The availability a ChangeAvailability asks for. ({@code OperationalStatusEnumType}) */
  public enum OperationalStatus {
    /** Not available for charging. */
    Inoperative,
    /** Available for charging. */
    Operative
  }

  /** The station's answer to a ChangeAvailability. ({@code ChangeAvailabilityStatusEnumType}) */
  public enum ChangeAvailabilityStatus {
    /** The change is made now. */
    Accepted,
    /** The change is not made. */
    Rejected,
    /** The change is made once the transactions that stand in its way have ended. */
    Scheduled
  }

  /** The station's answer to an UnlockConnector. ({@code UnlockStatusEnumType}) */
  public enum UnlockStatus {
    /** The connector's cable retention lock is open. */
    Unlocked,
    /** The lock did not open. */
    UnlockFailed,
    /** Not unlocked: an authorized transaction runs on the connector (part 2 F05.FR.02). */
    OngoingAuthorizedTransaction,
    /** The station has no such EVSE or connector (part 2 F05.FR.03). */
    UnknownConnector
  }

  /** The recipient's answer to a DataTransfer. ({@code DataTransferStatusEnumType}) */
  public enum DataTransferStatus {
    /** The data was understood and handled. */
    Accepted,
    /** The data was understood but refused. */
    Rejected,
    /** The vendor is known, the message id is not. */
    UnknownMessageId,
    /** The recipient has no extension of this vendor. */
    UnknownVendorId
  }
}
