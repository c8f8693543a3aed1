package dev.kilowatt.ocpp201;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The enumerations of OCPP 2.0.1's transaction events and meter values (functional blocks E and J), kept apart
 * from {@link Enums} so each stays readable; spelled as part 2 of the specification spells them, like those.
 */
public final class TransactionEnums {

  private TransactionEnums() {
  }

  /** Where in its life a transaction is. ({@code TransactionEventEnumType}) */
  public enum TransactionEventType {
    /** The last event of a transaction. */
    Ended,
    /** The first event of a transaction. */
    Started,
    /** An event between the first and the last. */
    Updated
  }

  /** What made the station send a TransactionEvent. ({@code TriggerReasonEnumType}) */
  public enum TriggerReason {
    /** A token was authorized. */
    Authorized,
    /** The cable was plugged in. */
    CablePluggedIn,
    /** The charging rate changed, e.g. by a charging profile. */
    ChargingRateChanged,
    /** The charging state changed. */
    ChargingStateChanged,
    /** The token's authorization was withdrawn. */
    Deauthorized,
    /** The energy limit set for the transaction was reached. */
    EnergyLimitReached,
    /** Communication with the EV was lost. */
    EVCommunicationLost,
    /** No EV was plugged in in time after authorization. */
    EVConnectTimeout,
    /** Clock-aligned meter values are due. */
    MeterValueClock,
    /** Periodic meter values are due. */
    MeterValuePeriodic,
    /** The time limit set for the transaction was reached. */
    TimeLimitReached,
    /** A TriggerMessage asked for the event. */
    Trigger,
    /** An UnlockConnector from the CSMS. */
    UnlockCommand,
    /** A token presented to stop the transaction was authorized. */
    StopAuthorized,
    /** The EV left the parking bay. */
    EVDeparted,
    /** An EV arrived at the parking bay. */
    EVDetected,
    /** A RequestStopTransaction from the CSMS. */
    RemoteStop,
    /** A RequestStartTransaction from the CSMS. */
    RemoteStart,
    /** An error or fault condition arose. */
    AbnormalCondition,
    /** The meter delivered signed data. */
    SignedDataReceived,
    /** A Reset from the CSMS. */
    ResetCommand
  }

  /** Whether energy flows in a transaction, and if not, on whose account. ({@code ChargingStateEnumType}) */
  public enum ChargingState {
    /** Energy flows to the EV. */
    Charging,
    /** An EV is plugged in but no energy flows yet, e.g. before authorization. */
    EVConnected,
    /** The station offers energy but the EV takes none. */
    SuspendedEV,
    /** The EV is plugged in but the station offers no energy. */
    SuspendedEVSE,
    /** No EV is plugged in. */
    Idle
  }

  /** Why a transaction ended. ({@code ReasonEnumType}) */
  public enum StoppedReason {
    /** The token was not, or is no longer, authorized. */
    DeAuthorized,
    /** The emergency stop was pressed. */
    EmergencyStop,
    /** The energy limit set for the transaction was reached. */
    EnergyLimitReached,
    /** The cable was unplugged from the EV. */
    EVDisconnected,
    /** The residual current protection tripped. */
    GroundFault,
    /** An immediate Reset ended the transaction. */
    ImmediateReset,
    /** The driver ended it at the station. */
    Local,
    /** The credit known at the station ran out. */
    LocalOutOfCredit,
    /** A master pass token ended it. */
    MasterPass,
    /** A reason none of the others covers. */
    Other,
    /** The over-current protection tripped. */
    OvercurrentFault,
    /** The station lost its power supply. */
    PowerLoss,
    /** The supply's quality, e.g. its voltage, was out of bounds. */
    PowerQuality,
    /** The station rebooted on its own initiative. */
    Reboot,
    /** The CSMS ended it with RequestStopTransaction. */
    Remote,
    /** The EV's battery reached the state-of-charge limit. */
    SOCLimitReached,
    /** The EV ended it. */
    StoppedByEV,
    /** The time limit set for the transaction was reached. */
    TimeLimitReached,
    /** No EV was plugged in in time after authorization. */
    Timeout
  }

  /** What occasion a sampled value was taken on. ({@code ReadingContextEnumType}) */
  public enum ReadingContext {
    /** Taken as the supply to the EV was interrupted. */
    @JsonProperty("Interruption.Begin") Interruption_Begin,
    /** Taken as the supply to the EV resumed. */
    @JsonProperty("Interruption.End") Interruption_End,
    /** Taken for a reason none of the others covers. */
    Other,
    /** Taken at a clock-aligned moment. */
    @JsonProperty("Sample.Clock") Sample_Clock,
    /** Taken at a periodic moment during a transaction. */
    @JsonProperty("Sample.Periodic") Sample_Periodic,
    /** Taken as the transaction started. */
    @JsonProperty("Transaction.Begin") Transaction_Begin,
    /** Taken as the transaction ended. */
    @JsonProperty("Transaction.End") Transaction_End,
    /** Taken because a TriggerMessage asked. */
    Trigger
  }

  /** What a sampled value measures. ({@code MeasurandEnumType}) */
  public enum Measurand {
    /** The current flowing from the EV (A). */
    @JsonProperty("Current.Export") Current_Export,
    /** The current flowing to the EV (A). */
    @JsonProperty("Current.Import") Current_Import,
    /** The most current the station offers the EV now (A). */
    @JsonProperty("Current.Offered") Current_Offered,
    /** Energy the EV fed back, as the meter's running total (Wh). */
    @JsonProperty("Energy.Active.Export.Register") Energy_Active_Export_Register,
    /** Energy delivered to the EV, as the meter's running total (Wh). */
    @JsonProperty("Energy.Active.Import.Register") Energy_Active_Import_Register,
    /** Reactive energy fed back, as a running total (varh). */
    @JsonProperty("Energy.Reactive.Export.Register") Energy_Reactive_Export_Register,
    /** Reactive energy delivered, as a running total (varh). */
    @JsonProperty("Energy.Reactive.Import.Register") Energy_Reactive_Import_Register,
    /** Energy fed back during the last interval (Wh). */
    @JsonProperty("Energy.Active.Export.Interval") Energy_Active_Export_Interval,
    /** Energy delivered during the last interval (Wh). */
    @JsonProperty("Energy.Active.Import.Interval") Energy_Active_Import_Interval,
    /** Energy delivered minus energy fed back (Wh). */
    @JsonProperty("Energy.Active.Net") Energy_Active_Net,
    /** Reactive energy fed back during the last interval (varh). */
    @JsonProperty("Energy.Reactive.Export.Interval") Energy_Reactive_Export_Interval,
    /** Reactive energy delivered during the last interval (varh). */
    @JsonProperty("Energy.Reactive.Import.Interval") Energy_Reactive_Import_Interval,
    /** Reactive energy delivered minus fed back (varh). */
    @JsonProperty("Energy.Reactive.Net") Energy_Reactive_Net,
    /** Apparent energy delivered minus fed back (VAh). */
    @JsonProperty("Energy.Apparent.Net") Energy_Apparent_Net,
    /** Apparent energy delivered (VAh). */
    @JsonProperty("Energy.Apparent.Import") Energy_Apparent_Import,
    /** Apparent energy fed back (VAh). */
    @JsonProperty("Energy.Apparent.Export") Energy_Apparent_Export,
    /** The grid frequency. */
    Frequency,
    /** The power the EV feeds back (W). */
    @JsonProperty("Power.Active.Export") Power_Active_Export,
    /** The power the EV draws (W). */
    @JsonProperty("Power.Active.Import") Power_Active_Import,
    /** The power factor of the energy flow. */
    @JsonProperty("Power.Factor") Power_Factor,
    /** The most power the station offers the EV now (W). */
    @JsonProperty("Power.Offered") Power_Offered,
    /** The reactive power fed back (var). */
    @JsonProperty("Power.Reactive.Export") Power_Reactive_Export,
    /** The reactive power drawn (var). */
    @JsonProperty("Power.Reactive.Import") Power_Reactive_Import,
    /** The EV battery's state of charge (Percent). */
    SoC,
    /** The RMS supply voltage (V). */
    Voltage
  }

  /** Which phase or phases a sampled value was measured on. ({@code PhaseEnumType}) */
  public enum Phase {
    /** Measured on phase 1. */
    L1,
    /** Measured on phase 2. */
    L2,
    /** Measured on phase 3. */
    L3,
    /** The neutral conductor, e.g. its current. */
    N,
    /** Between phase 1 and neutral. */
    @JsonProperty("L1-N") L1_N,
    /** Between phase 2 and neutral. */
    @JsonProperty("L2-N") L2_N,
    /** Between phase 3 and neutral. */
    @JsonProperty("L3-N") L3_N,
    /** Between phases 1 and 2. */
    @JsonProperty("L1-L2") L1_L2,
    /** Between phases 2 and 3. */
    @JsonProperty("L2-L3") L2_L3,
    /** Between phases 3 and 1. */
    @JsonProperty("L3-L1") L3_L1
  }

  /** Where in the station a sampled value was measured. ({@code LocationEnumType}) */
  public enum MeasurementLocation {
    /** Inside the station's housing, e.g. a temperature. */
    Body,
    /** In the cable between the station and the EV. */
    Cable,
    /** Measured by the EV itself. */
    EV,
    /** At the station's connection to the grid. */
    Inlet,
    /** At the connector the EV is plugged into. */
    Outlet
  }
}
