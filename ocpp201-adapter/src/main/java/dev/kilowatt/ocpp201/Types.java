package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Enums.Attribute;
import dev.kilowatt.ocpp201.Enums.AuthorizationStatus;
import dev.kilowatt.ocpp201.Enums.ChargingState;
import dev.kilowatt.ocpp201.Enums.IdTokenType;
import dev.kilowatt.ocpp201.Enums.Measurand;
import dev.kilowatt.ocpp201.Enums.MeasurementLocation;
import dev.kilowatt.ocpp201.Enums.MessageFormat;
import dev.kilowatt.ocpp201.Enums.Phase;
import dev.kilowatt.ocpp201.Enums.ReadingContext;
import dev.kilowatt.ocpp201.Enums.StoppedReason;
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

  /** The station's make and model, as BootNotification reports it. */
  public record ChargingStation(
      Optional<String> serialNumber, String model, Optional<Modem> modem, String vendorName,
      Optional<String> firmwareVersion) {
  }

  /** The cellular modem, which the reference device has. */
  public record Modem(Optional<String> iccid, Optional<String> imsi) {
  }

  /** Why a status is what it is, beyond its enumeration value. */
  public record StatusInfo(String reasonCode, Optional<String> additionalInfo) {
  }

  /** An identifier of a driver or of the CSMS, with its kind. */
  public record IdToken(String idToken, IdTokenType type, List<AdditionalInfo> additionalInfo) {
    public IdToken {
      additionalInfo = List.copyOf(additionalInfo == null ? List.of() : additionalInfo);
    }

    public static IdToken of(String idToken, IdTokenType type) {
      return new IdToken(idToken, type, List.of());
    }
  }

  /** A further identifier that goes with an IdToken. */
  public record AdditionalInfo(String additionalIdToken, String type) {
  }

  /** What the CSMS says about an IdToken. */
  public record IdTokenInfo(
      AuthorizationStatus status, Optional<Instant> cacheExpiryDateTime, Optional<Integer> chargingPriority,
      Optional<String> language1, List<Integer> evseId, Optional<String> language2,
      Optional<IdToken> groupIdToken, Optional<MessageContent> personalMessage) {
    public IdTokenInfo {
      evseId = List.copyOf(evseId == null ? List.of() : evseId);
    }
  }

  /** A message for the driver. */
  public record MessageContent(MessageFormat format, Optional<String> language, String content) {
  }

  /** An EVSE, or one connector of it. */
  public record Evse(int id, Optional<Integer> connectorId) {
  }

  /** A component of the device model (part 2 chapter 3), optionally on one EVSE. */
  public record Component(String name, Optional<String> instance, Optional<Evse> evse) {
  }

  /** A variable of a component of the device model. */
  public record Variable(String name, Optional<String> instance) {
  }

  /** One variable to read, in a GetVariables call. */
  public record GetVariableData(Optional<Attribute> attributeType, Component component, Variable variable) {
  }

  /** What reading one variable gave. */
  public record GetVariableResult(
      Enums.GetVariableStatus attributeStatus, Optional<Attribute> attributeType, Optional<String> attributeValue,
      Component component, Variable variable, Optional<StatusInfo> attributeStatusInfo) {
  }

  /** One variable to write, in a SetVariables call. */
  public record SetVariableData(
      Optional<Attribute> attributeType, String attributeValue, Component component, Variable variable) {
  }

  /** What writing one variable gave. */
  public record SetVariableResult(
      Optional<Attribute> attributeType, Enums.SetVariableStatus attributeStatus, Component component,
      Variable variable, Optional<StatusInfo> attributeStatusInfo) {
  }

  /** The transaction a TransactionEvent is about. */
  public record TransactionInfo(
      String transactionId, Optional<ChargingState> chargingState, Optional<Integer> timeSpentCharging,
      Optional<StoppedReason> stoppedReason, Optional<Integer> remoteStartId) {
  }

  /** Sampled values taken at one moment. */
  public record MeterValue(List<SampledValue> sampledValue, Instant timestamp) {
    public MeterValue {
      sampledValue = List.copyOf(sampledValue);
    }
  }

  /** One measured value, with what, where and on which occasion it was measured. */
  public record SampledValue(
      double value, Optional<ReadingContext> context, Optional<Measurand> measurand, Optional<Phase> phase,
      Optional<MeasurementLocation> location, Optional<UnitOfMeasure> unitOfMeasure) {
  }

  /** The unit of a sampled value and its power-of-ten multiplier. */
  public record UnitOfMeasure(Optional<String> unit, Optional<Integer> multiplier) {
  }
}
