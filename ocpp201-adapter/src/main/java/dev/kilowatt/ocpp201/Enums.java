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
    ApplicationReset,
    FirmwareUpdate,
    LocalReset,
    PowerUp,
    RemoteReset,
    ScheduledReset,
    Triggered,
    Unknown,
    Watchdog
  }

  /** The CSMS's verdict on a BootNotification. ({@code RegistrationStatusEnumType}) */
  public enum RegistrationStatus {
    Accepted,
    Pending,
    Rejected
  }

  /** What a StatusNotification reports of a connector. ({@code ConnectorStatusEnumType}) */
  public enum ConnectorStatus {
    Available,
    Occupied,
    Reserved,
    Unavailable,
    Faulted
  }

  /** How an IdToken was obtained, which says how to read it. ({@code IdTokenEnumType}) */
  public enum IdTokenType {
    Central,
    eMAID,
    ISO14443,
    ISO15693,
    KeyCode,
    Local,
    MacAddress,
    NoAuthorization
  }

  /** Whether an IdToken may charge. ({@code AuthorizationStatusEnumType}) */
  public enum AuthorizationStatus {
    Accepted,
    Blocked,
    ConcurrentTx,
    Expired,
    Invalid,
    NoCredit,
    NotAllowedTypeEVSE,
    NotAtThisLocation,
    NotAtThisTime,
    Unknown
  }

  /** The CSMS's verdict on the certificate sent with an Authorize. ({@code AuthorizeCertificateStatusEnumType}) */
  public enum CertificateStatus {
    Accepted,
    SignatureError,
    CertificateExpired,
    CertificateRevoked,
    NoCertificateAvailable,
    CertChainError,
    ContractCancelled
  }

  /** How the content of a message to the driver is encoded. ({@code MessageFormatEnumType}) */
  public enum MessageFormat {
    ASCII,
    HTML,
    URI,
    UTF8
  }

  /** Where in its life a transaction is. ({@code TransactionEventEnumType}) */
  public enum TransactionEventType {
    Ended,
    Started,
    Updated
  }

  /** What made the station send a TransactionEvent. ({@code TriggerReasonEnumType}) */
  public enum TriggerReason {
    Authorized,
    CablePluggedIn,
    ChargingRateChanged,
    ChargingStateChanged,
    Deauthorized,
    EnergyLimitReached,
    EVCommunicationLost,
    EVConnectTimeout,
    MeterValueClock,
    MeterValuePeriodic,
    TimeLimitReached,
    Trigger,
    UnlockCommand,
    StopAuthorized,
    EVDeparted,
    EVDetected,
    RemoteStop,
    RemoteStart,
    AbnormalCondition,
    SignedDataReceived,
    ResetCommand
  }

  /** Whether energy flows in a transaction, and if not, on whose account. ({@code ChargingStateEnumType}) */
  public enum ChargingState {
    Charging,
    EVConnected,
    SuspendedEV,
    SuspendedEVSE,
    Idle
  }

  /** Why a transaction ended. ({@code ReasonEnumType}) */
  public enum StoppedReason {
    DeAuthorized,
    EmergencyStop,
    EnergyLimitReached,
    EVDisconnected,
    GroundFault,
    ImmediateReset,
    Local,
    LocalOutOfCredit,
    MasterPass,
    Other,
    OvercurrentFault,
    PowerLoss,
    PowerQuality,
    Reboot,
    Remote,
    SOCLimitReached,
    StoppedByEV,
    TimeLimitReached,
    Timeout
  }

  /** What occasion a sampled value was taken on. ({@code ReadingContextEnumType}) */
  public enum ReadingContext {
    @JsonProperty("Interruption.Begin") Interruption_Begin,
    @JsonProperty("Interruption.End") Interruption_End,
    Other,
    @JsonProperty("Sample.Clock") Sample_Clock,
    @JsonProperty("Sample.Periodic") Sample_Periodic,
    @JsonProperty("Transaction.Begin") Transaction_Begin,
    @JsonProperty("Transaction.End") Transaction_End,
    Trigger
  }

  /** What a sampled value measures. ({@code MeasurandEnumType}) */
  public enum Measurand {
    @JsonProperty("Current.Export") Current_Export,
    @JsonProperty("Current.Import") Current_Import,
    @JsonProperty("Current.Offered") Current_Offered,
    @JsonProperty("Energy.Active.Export.Register") Energy_Active_Export_Register,
    @JsonProperty("Energy.Active.Import.Register") Energy_Active_Import_Register,
    @JsonProperty("Energy.Reactive.Export.Register") Energy_Reactive_Export_Register,
    @JsonProperty("Energy.Reactive.Import.Register") Energy_Reactive_Import_Register,
    @JsonProperty("Energy.Active.Export.Interval") Energy_Active_Export_Interval,
    @JsonProperty("Energy.Active.Import.Interval") Energy_Active_Import_Interval,
    @JsonProperty("Energy.Active.Net") Energy_Active_Net,
    @JsonProperty("Energy.Reactive.Export.Interval") Energy_Reactive_Export_Interval,
    @JsonProperty("Energy.Reactive.Import.Interval") Energy_Reactive_Import_Interval,
    @JsonProperty("Energy.Reactive.Net") Energy_Reactive_Net,
    @JsonProperty("Energy.Apparent.Net") Energy_Apparent_Net,
    @JsonProperty("Energy.Apparent.Import") Energy_Apparent_Import,
    @JsonProperty("Energy.Apparent.Export") Energy_Apparent_Export,
    Frequency,
    @JsonProperty("Power.Active.Export") Power_Active_Export,
    @JsonProperty("Power.Active.Import") Power_Active_Import,
    @JsonProperty("Power.Factor") Power_Factor,
    @JsonProperty("Power.Offered") Power_Offered,
    @JsonProperty("Power.Reactive.Export") Power_Reactive_Export,
    @JsonProperty("Power.Reactive.Import") Power_Reactive_Import,
    SoC,
    Voltage
  }

  /** Which phase or phases a sampled value was measured on. ({@code PhaseEnumType}) */
  public enum Phase {
    L1,
    L2,
    L3,
    N,
    @JsonProperty("L1-N") L1_N,
    @JsonProperty("L2-N") L2_N,
    @JsonProperty("L3-N") L3_N,
    @JsonProperty("L1-L2") L1_L2,
    @JsonProperty("L2-L3") L2_L3,
    @JsonProperty("L3-L1") L3_L1
  }

  /** Where in the station a sampled value was measured. ({@code LocationEnumType}) */
  public enum MeasurementLocation {
    Body,
    Cable,
    EV,
    Inlet,
    Outlet
  }

  /** Which attribute of a variable is read or written. ({@code AttributeEnumType}) */
  public enum Attribute {
    Actual,
    Target,
    MinSet,
    MaxSet
  }

  /** The outcome of reading one variable. ({@code GetVariableStatusEnumType}) */
  public enum GetVariableStatus {
    Accepted,
    Rejected,
    UnknownComponent,
    UnknownVariable,
    NotSupportedAttributeType
  }

  /** The outcome of writing one variable. ({@code SetVariableStatusEnumType}) */
  public enum SetVariableStatus {
    Accepted,
    Rejected,
    UnknownComponent,
    UnknownVariable,
    NotSupportedAttributeType,
    RebootRequired
  }

  /** When a reset is to happen. ({@code ResetEnumType}) */
  public enum ResetType {
    Immediate,
    OnIdle
  }

  /** The station's answer to a Reset. ({@code ResetStatusEnumType}) */
  public enum ResetStatus {
    Accepted,
    Rejected,
    Scheduled
  }

  /** The station's answer to a remote start or stop. ({@code RequestStartStopStatusEnumType}) */
  public enum RequestStartStopStatus {
    Accepted,
    Rejected
  }

  /** The message a TriggerMessage asks for. ({@code MessageTriggerEnumType}) */
  public enum MessageTrigger {
    BootNotification,
    LogStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    SignChargingStationCertificate,
    SignV2GCertificate,
    StatusNotification,
    TransactionEvent,
    SignCombinedCertificate,
    PublishFirmwareStatusNotification
  }

  /** The station's answer to a TriggerMessage. ({@code TriggerMessageStatusEnumType}) */
  public enum TriggerMessageStatus {
    Accepted,
    Rejected,
    NotImplemented
  }

  /** The availability a ChangeAvailability asks for. ({@code OperationalStatusEnumType}) */
  public enum OperationalStatus {
    Inoperative,
    Operative
  }

  /** The station's answer to a ChangeAvailability. ({@code ChangeAvailabilityStatusEnumType}) */
  public enum ChangeAvailabilityStatus {
    Accepted,
    Rejected,
    Scheduled
  }
}
