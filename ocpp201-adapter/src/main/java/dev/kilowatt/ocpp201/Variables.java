package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.ocpp201.Enums.Attribute;
import dev.kilowatt.ocpp201.Enums.GetVariableStatus;
import dev.kilowatt.ocpp201.Enums.SetVariableStatus;
import dev.kilowatt.ocpp201.Types.Component;
import dev.kilowatt.ocpp201.Types.GetVariableData;
import dev.kilowatt.ocpp201.Types.GetVariableResult;
import dev.kilowatt.ocpp201.Types.SetVariableData;
import dev.kilowatt.ocpp201.Types.SetVariableResult;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The variables of the 2.0.1 device model (part 2 appendix, "Standardized components and variables")
 * that are one of the core's 1.6 configuration keys under another name, so that GetVariables and
 * SetVariables read and write the same settings GetConfiguration and ChangeConfiguration do: one charger,
 * configured by either protocol. Values are spelt alike in both (integers, "true" / "false", comma lists
 * of measurands). Only the Actual attribute exists; components are the station's own (no instance, no
 * EVSE); a variable's instance is part of its name (MessageAttempts of instance TransactionEvent). A component
 * not in the table is UnknownComponent, a variable not in it UnknownVariable; {@link DeviceVariables} first
 * looks in {@link OwnVariables}, the variables no 1.6 key holds.
 *
 * <p>Part 2's appendix gives two of them another mutability than their 1.6 keys have. {@code SecurityCtrlr.BasicAuthPassword} is
 * WriteOnly: a GetVariables of it is Rejected without asking the core, so its value never leaves the station.
 * {@code SecurityCtrlr.SecurityProfile} is ReadOnly (2.0.1 raises the profile with SetNetworkProfile, not
 * with SetVariables, unlike 1.6's read-write key): a SetVariables of it is Rejected without the core. So are
 * FileTransferProtocols, AdditionalRootCertificateCheck and MaxCertificateChainSize, ReadOnly in part 2 and
 * read-only keys of the core too.
 */
final class Variables {

  /** Who may read and write a variable over GetVariables and SetVariables (part 2: MutabilityEnumType). */
  enum Mutability {
    READ_WRITE, READ_ONLY, WRITE_ONLY
  }

  /** One variable, of an instance if it has one, the 1.6 key it is, its mutability, and how the key's value reads as
   * the variable's. */
  record Mapping(String component, String variable, Optional<String> instance, String key, Mutability mutability,
      UnaryOperator<String> reading) {
    Mapping(String component, String variable, Optional<String> instance, String key, Mutability mutability) {
      this(component, variable, instance, key, mutability, UnaryOperator.identity());
    }

    Mapping(String component, String variable, String key, Mutability mutability, UnaryOperator<String> reading) {
      this(component, variable, Optional.empty(), key, mutability, reading);
    }

    Mapping(String component, String variable, String key, Mutability mutability) {
      this(component, variable, Optional.empty(), key, mutability);
    }

    Mapping(String component, String variable, String key) {
      this(component, variable, key, Mutability.READ_WRITE);
    }
  }

  /** The mapped variables, then each block's own table ({@link SmartChargingVariables}, {@link LocalAuthVariables}). */
  static final List<Mapping> TABLE = Stream.of(Stream.of(
      new Mapping("OCPPCommCtrlr", "HeartbeatInterval", "HeartbeatInterval"),
      new Mapping("OCPPCommCtrlr", "WebSocketPingInterval", "WebSocketPingInterval"),
      new Mapping("OCPPCommCtrlr", "ResetRetries", "ResetRetries"),
      new Mapping("OCPPCommCtrlr", "FileTransferProtocols", "SupportedFileTransferProtocols", Mutability.READ_ONLY),
      new Mapping("OCPPCommCtrlr", "MessageAttempts", Optional.of("TransactionEvent"), "TransactionMessageAttempts",
          Mutability.READ_WRITE),
      new Mapping("OCPPCommCtrlr", "MessageAttemptInterval", Optional.of("TransactionEvent"),
          "TransactionMessageRetryInterval", Mutability.READ_WRITE),
      new Mapping("OCPPCommCtrlr", "UnlockOnEVSideDisconnect", "UnlockConnectorOnEVSideDisconnect"),
      new Mapping("SampledDataCtrlr", "TxUpdatedInterval", "MeterValueSampleInterval"),
      new Mapping("SampledDataCtrlr", "TxUpdatedMeasurands", "MeterValuesSampledData"),
      new Mapping("SampledDataCtrlr", "TxEndedMeasurands", "StopTxnSampledData"),
      new Mapping("AlignedDataCtrlr", "Interval", "ClockAlignedDataInterval"),
      new Mapping("AlignedDataCtrlr", "Measurands", "MeterValuesAlignedData"),
      new Mapping("AlignedDataCtrlr", "TxEndedMeasurands", "StopTxnAlignedData"),
      new Mapping("AuthCtrlr", "AuthorizeRemoteStart", "AuthorizeRemoteTxRequests"),
      new Mapping("AuthCtrlr", "LocalAuthorizeOffline", "LocalAuthorizeOffline"),
      new Mapping("AuthCtrlr", "LocalPreAuthorize", "LocalPreAuthorize"),
      new Mapping("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "AllowOfflineTxForUnknownId"),
      new Mapping("TxCtrlr", "EVConnectionTimeOut", "ConnectionTimeOut"),
      new Mapping("TxCtrlr", "StopTxOnEVSideDisconnect", "StopTransactionOnEVSideDisconnect"),
      new Mapping("TxCtrlr", "StopTxOnInvalidId", "StopTransactionOnInvalidId"),
      new Mapping("TxCtrlr", "MaxEnergyOnInvalidId", "MaxEnergyOnInvalidId"),
      new Mapping("ReservationCtrlr", "NonEvseSpecific", "ReserveConnectorZeroSupported"),
      new Mapping("SecurityCtrlr", "SecurityProfile", "SecurityProfile", Mutability.READ_ONLY),
      new Mapping("SecurityCtrlr", "BasicAuthPassword", "AuthorizationKey", Mutability.WRITE_ONLY),
      // SecurityCtrlr's certificate variables that are 1.6 keys; the last two are read-only in both versions
      new Mapping("SecurityCtrlr", "OrganizationName", "CpoName"),
      new Mapping("SecurityCtrlr", "AdditionalRootCertificateCheck", "AdditionalRootCertificateCheck", Mutability.READ_ONLY),
      new Mapping("SecurityCtrlr", "MaxCertificateChainSize", "CertificateSignedMaxChainSize", Mutability.READ_ONLY)),
      SmartChargingVariables.TABLE.stream(), LocalAuthVariables.TABLE.stream()).flatMap(s -> s).toList();

  /** Where a variable leads: to a 1.6 key, or to an answer without one. */
  sealed interface Lookup {
  }

  record Key(String key) implements Lookup {
  }

  record Unknown(boolean component) implements Lookup {
  }

  record WrongAttribute() implements Lookup {
  }

  /** A variable that is not to be read (WriteOnly) or not to be written (ReadOnly) this way: Rejected. */
  record Refused() implements Lookup {
  }

  private Variables() {
  }

  /** Where the variable leads when it is read (GetVariables, a report): a WriteOnly one is {@link Refused}. */
  static Lookup lookup(Component component, Types.Variable variable, Optional<Attribute> attribute) {
    return lookup(component, variable, attribute, Mutability.WRITE_ONLY);
  }

  /** Where a SetVariables of the variable leads: a ReadOnly one is {@link Refused}. */
  static Lookup toWrite(Component component, Types.Variable variable, Optional<Attribute> attribute) {
    return lookup(component, variable, attribute, Mutability.READ_ONLY);
  }

  private static Lookup lookup(Component component, Types.Variable variable, Optional<Attribute> attribute,
      Mutability refused) {
    boolean componentKnown = component.instance().isEmpty() && component.evse().isEmpty()
        && TABLE.stream().anyMatch(m -> m.component().equals(component.name()));
    if (!componentKnown) {
      return new Unknown(true);
    }
    Optional<Mapping> mapping = TABLE.stream().filter(m -> m.component().equals(component.name())
        && m.variable().equals(variable.name()) && m.instance().equals(variable.instance())).findFirst();
    if (mapping.isEmpty()) {
      return new Unknown(false);
    }
    if (attribute.filter(a -> a != Attribute.Actual).isPresent()) {
      return new WrongAttribute();
    }
    return mapping.get().mutability() == refused ? new Refused() : new Key(mapping.get().key());
  }

  /** How the value of the 1.6 key {@code key} reads as its variable's. */
  static UnaryOperator<String> reading(String key) {
    return TABLE.stream().filter(m -> m.key().equals(key)).findFirst().map(Mapping::reading)
        .orElse(UnaryOperator.identity());
  }

  /** {@return the entry of {@code key} in the core's GetConfiguration answer, if the core has the key} */
  static Optional<KeyValue> keyIn(GetConfigurationResponse answer, String key) {
    return answer.configurationKey().stream().filter(k -> k.key().equals(key)).findFirst();
  }

  /** The result of reading {@code data}, given the core's answer to a GetConfiguration of its key or of all keys. */
  static GetVariableResult read(GetVariableData data, Optional<GetConfigurationResponse> answer) {
    Lookup lookup = lookup(data.component(), data.variable(), data.attributeType());
    GetVariableStatus status = getStatus(lookup);
    Optional<String> value = Optional.empty();
    if (lookup instanceof Key(String key) && answer.isPresent()) {
      Optional<KeyValue> found = keyIn(answer.get(), key);
      status = found.isPresent() ? GetVariableStatus.Accepted : GetVariableStatus.UnknownVariable;
      value = found.flatMap(KeyValue::value).map(reading(key));
    }
    return new GetVariableResult(status, data.attributeType(), value, data.component(), data.variable(), Optional.empty());
  }

  private static GetVariableStatus getStatus(Lookup lookup) {
    return switch (lookup) {
      case Key key -> GetVariableStatus.Accepted;
      case Unknown unknown -> unknown.component() ? GetVariableStatus.UnknownComponent : GetVariableStatus.UnknownVariable;
      case WrongAttribute wrong -> GetVariableStatus.NotSupportedAttributeType;
      case Refused refused -> GetVariableStatus.Rejected;
    };
  }

  /** The result of writing {@code data}; {@code answer} is the core's to its ChangeConfiguration, if one went. */
  static SetVariableResult written(SetVariableData data, Optional<ChangeConfigurationResponse> answer) {
    SetVariableStatus status = switch (toWrite(data.component(), data.variable(), data.attributeType())) {
      case Key key -> answer.map(a -> switch (a.status()) {
        case ACCEPTED -> SetVariableStatus.Accepted;
        case REJECTED -> SetVariableStatus.Rejected;
        case REBOOT_REQUIRED -> SetVariableStatus.RebootRequired;
        case NOT_SUPPORTED -> SetVariableStatus.UnknownVariable;
      }).orElse(SetVariableStatus.Rejected);
      case Unknown unknown -> unknown.component() ? SetVariableStatus.UnknownComponent : SetVariableStatus.UnknownVariable;
      case WrongAttribute wrong -> SetVariableStatus.NotSupportedAttributeType;
      case Refused refused -> SetVariableStatus.Rejected;
    };
    return new SetVariableResult(data.attributeType(), status, data.component(), data.variable(), Optional.empty());
  }
}
