package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Enums.Attribute;
import dev.kilowatt.ocpp201.Enums.AuthorizationStatus;
import dev.kilowatt.ocpp201.TransactionEnums.ChargingState;
import dev.kilowatt.ocpp201.Enums.IdTokenType;
import dev.kilowatt.ocpp201.TransactionEnums.Measurand;
import dev.kilowatt.ocpp201.TransactionEnums.MeasurementLocation;
import dev.kilowatt.ocpp201.Enums.MessageFormat;
import dev.kilowatt.ocpp201.TransactionEnums.Phase;
import dev.kilowatt.ocpp201.TransactionEnums.ReadingContext;
import dev.kilowatt.ocpp201.TransactionEnums.StoppedReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The data types of OCPP 2.0.1 part 2 chapter 2 that the typed messages share, as records named after the
 * specification's {@code ...Type} without the suffix. Optional fields are {@link Optional}s; lists that the
 * schema marks optional are empty when absent. Fields this adapter does not read yet (custom data, the
 * ISO 15118 parts) are left out and, inbound, skipped once the schema has checked them.
 */
public final class Types {

  private Types() {
  }

  /**
   * The station's make and model, as BootNotification reports it.
   *
   * @param serialNumber the station's serial number
   * @param model the station's model
   * @param modem the station's cellular modem, if it has one
   * @param vendorName the station's maker
   * @param firmwareVersion the firmware the station runs
   */
  public record ChargingStation(
      Optional<String> serialNumber, String model, Optional<Modem> modem, String vendorName,
      Optional<String> firmwareVersion) {
  }

  /**
   * The cellular modem, which the reference device has.
   *
   * @param iccid the ICCID of the modem's SIM card
   * @param imsi the IMSI of the modem's SIM card
   */
  public record Modem(Optional<String> iccid, Optional<String> imsi) {
  }

  /**
   * Why a status is what it is, beyond its enumeration value.
   *
   * @param reasonCode a code for the reason, from the list part 2 suggests or the vendor's own
   * @param additionalInfo more detail, for people
   */
  public record StatusInfo(String reasonCode, Optional<String> additionalInfo) {
  }

  /**
   * An identifier of a driver or of the CSMS, with its kind.
   *
   * @param idToken the identifier itself, e.g. a card's UID
   * @param type how the identifier was obtained
   * @param additionalInfo further identifiers that go with it; empty when there are none
   */
  public record IdToken(String idToken, IdTokenType type, List<AdditionalInfo> additionalInfo) {
    /** A null list of further identifiers reads as empty; the list is copied, so the token stays as built. */
    public IdToken {
      additionalInfo = List.copyOf(additionalInfo == null ? List.of() : additionalInfo);
    }

    /**
     * A token without further identifiers.
     *
     * @param idToken the identifier itself
     * @param type how it was obtained
     * @return the token
     */
    public static IdToken of(String idToken, IdTokenType type) {
      return new IdToken(idToken, type, List.of());
    }
  }

  /**
   * A further identifier that goes with an IdToken.
   *
   * @param additionalIdToken the further identifier
   * @param type what kind of identifier it is, in free text
   */
  public record AdditionalInfo(String additionalIdToken, String type) {
  }

  /**
   * What the CSMS says about an IdToken.
   *
   * @param status whether the token may charge
   * @param cacheExpiryDateTime until when the station may keep the token in its authorization cache
   * @param chargingPriority the transaction's priority from -9 to 9, higher first; absent means 0
   * @param language1 the driver's preferred language (RFC 5646), for messages
   * @param evseId the EVSEs the token may charge at; empty for all of them
   * @param language2 the driver's second language
   * @param groupIdToken the group the token belongs to; one member may stop another's transaction
   * @param personalMessage a message to show the driver
   */
  public record IdTokenInfo(
      AuthorizationStatus status, Optional<Instant> cacheExpiryDateTime, Optional<Integer> chargingPriority,
      Optional<String> language1, List<Integer> evseId, Optional<String> language2,
      Optional<IdToken> groupIdToken, Optional<MessageContent> personalMessage) {
    /** A null list of EVSEs reads as empty; the list is copied, so the answer stays as built. */
    public IdTokenInfo {
      evseId = List.copyOf(evseId == null ? List.of() : evseId);
    }
  }

  /**
   * A message for the driver.
   *
   * @param format how the content is encoded
   * @param language the content's language (RFC 5646)
   * @param content the message itself
   */
  public record MessageContent(MessageFormat format, Optional<String> language, String content) {
  }

  /**
   * An EVSE, or one connector of it.
   *
   * @param id the EVSE's id, from 1
   * @param connectorId the connector on that EVSE, from 1; absent means the EVSE as a whole
   */
  public record Evse(int id, Optional<Integer> connectorId) {
  }

  /**
   * A component of the device model (part 2 chapter 3), optionally on one EVSE.
   *
   * @param name the component's name, e.g. {@code OCPPCommCtrlr}
   * @param instance which one, when the station has several of the component
   * @param evse the EVSE the component belongs to; absent for the station as a whole
   */
  public record Component(String name, Optional<String> instance, Optional<Evse> evse) {
  }

  /**
   * A variable of a component of the device model.
   *
   * @param name the variable's name, e.g. {@code HeartbeatInterval}
   * @param instance which one, when the component has several of the variable
   */
  public record Variable(String name, Optional<String> instance) {
  }

  /**
   * One variable to read, in a GetVariables call.
   *
   * @param attributeType the attribute to read; absent means Actual
   * @param component the component the variable belongs to
   * @param variable the variable to read
   */
  public record GetVariableData(Optional<Attribute> attributeType, Component component, Variable variable) {
  }

  /**
   * What reading one variable gave.
   *
   * @param attributeStatus whether the value could be read
   * @param attributeType the attribute read; absent means Actual
   * @param attributeValue the value read; only when Accepted
   * @param component the component asked about
   * @param variable the variable asked about
   * @param attributeStatusInfo more about the status
   */
  public record GetVariableResult(
      Enums.GetVariableStatus attributeStatus, Optional<Attribute> attributeType, Optional<String> attributeValue,
      Component component, Variable variable, Optional<StatusInfo> attributeStatusInfo) {
  }

  /**
   * One variable to write, in a SetVariables call.
   *
   * @param attributeType the attribute to write; absent means Actual
   * @param attributeValue the value to write
   * @param component the component the variable belongs to
   * @param variable the variable to write
   */
  public record SetVariableData(
      Optional<Attribute> attributeType, String attributeValue, Component component, Variable variable) {
  }

  /**
   * What writing one variable gave.
   *
   * @param attributeType the attribute written; absent means Actual
   * @param attributeStatus whether the value was taken
   * @param component the component asked about
   * @param variable the variable asked about
   * @param attributeStatusInfo more about the status
   */
  public record SetVariableResult(
      Optional<Attribute> attributeType, Enums.SetVariableStatus attributeStatus, Component component,
      Variable variable, Optional<StatusInfo> attributeStatusInfo) {
  }

  /**
   * The transaction a TransactionEvent is about.
   *
   * @param transactionId the station's id for the transaction, unique on the station
   * @param chargingState whether energy flows, when it changed or is asked for
   * @param timeSpentCharging how many seconds energy has flowed so far
   * @param stoppedReason why the transaction ended, in its Ended event only; absent means Local
   * @param remoteStartId the id of the RequestStartTransaction that started it
   */
  public record TransactionInfo(
      String transactionId, Optional<ChargingState> chargingState, Optional<Integer> timeSpentCharging,
      Optional<StoppedReason> stoppedReason, Optional<Integer> remoteStartId) {
  }

  /**
   * Sampled values taken at one moment.
   *
   * @param sampledValue the values, at least one
   * @param timestamp when they were taken
   */
  public record MeterValue(List<SampledValue> sampledValue, Instant timestamp) {
    /** Copies the values, so the meter value stays as taken. */
    public MeterValue {
      sampledValue = List.copyOf(sampledValue);
    }
  }

  /**
   * One measured value, with what, where and on which occasion it was measured.
   *
   * @param value the measured value, to be multiplied by ten to the power of the unit's multiplier
   * @param context the occasion it was taken on; absent means Sample.Periodic
   * @param measurand what it measures; absent means Energy.Active.Import.Register
   * @param phase the phase or phases measured on; absent for a total
   * @param location where it was measured; absent means Outlet
   * @param unitOfMeasure its unit; absent means Wh
   */
  public record SampledValue(
      double value, Optional<ReadingContext> context, Optional<Measurand> measurand, Optional<Phase> phase,
      Optional<MeasurementLocation> location, Optional<UnitOfMeasure> unitOfMeasure) {
  }

  /**
   * The unit of a sampled value and its power-of-ten multiplier.
   *
   * @param unit the unit; absent means Wh
   * @param multiplier the power of ten the value is to be multiplied by; absent means 0
   */
  public record UnitOfMeasure(Optional<String> unit, Optional<Integer> multiplier) {
  }
}
