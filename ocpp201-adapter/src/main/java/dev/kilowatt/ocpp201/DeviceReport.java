package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.ocpp201.Enums.Attribute;
import dev.kilowatt.ocpp201.Enums.ConnectorStatus;
import dev.kilowatt.ocpp201.ReportMessages.DataType;
import dev.kilowatt.ocpp201.ReportMessages.Mutability;
import dev.kilowatt.ocpp201.ReportMessages.NotifyReportRequest;
import dev.kilowatt.ocpp201.ReportMessages.ReportBase;
import dev.kilowatt.ocpp201.ReportMessages.ReportData;
import dev.kilowatt.ocpp201.ReportMessages.VariableAttribute;
import dev.kilowatt.ocpp201.ReportMessages.VariableCharacteristics;
import dev.kilowatt.ocpp201.Types.Component;
import dev.kilowatt.ocpp201.Types.Evse;
import dev.kilowatt.ocpp201.Types.Variable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a report (part 2 B07, B08) says: every variable of {@link Variables} the core has, read through one
 * GetConfiguration of all the core's keys (naming the mapped ones would pass the core's GetConfigurationMaxKeys),
 * the adapter's own variables ({@link OwnVariables}), and the EVSE and Connector components of the EVSEs whose
 * status the core reported.
 *
 * <ul>
 *   <li>A mapped variable's Actual value is its 1.6 key's. Its mutability is the device model's where
 *       {@link Variables} fixes one (SecurityProfile ReadOnly, BasicAuthPassword WriteOnly), else the key's: ReadOnly for a
 *       read-only key, WriteOnly for a writable key the core answers without a value (a secret, such as the
 *       AuthorizationKey: B07.FR.03 reports no value for it), else ReadWrite. It is persistent, for the core
 *       saves every change of its configuration. Its dataType is the 1.6 key's type (OCPP 1.6 section 9):
 *       integer, boolean, or MemberList for the comma lists of measurands; a key not typed here is a string.
 *       The list's valuesList, the measurands the meter has, is the core's and is left out.</li>
 *   <li>An own variable has the mutability, characteristics and value its table gives; it is persistent unless
 *       it is the clock, constant if the station never changes it (the constants, the identity, the time-out).
 *       Then TxCtrlr's TxStartPoint and TxStopPoint, as {@link TxPoints} reports them.</li>
 *   <li>The ChargingStation (once the core reported connector 0), EVSE n and its Connector 1 (the reference
 *       device's one connector per EVSE) have AvailabilityState, the
 *       status the core last reported for it read as part 2 G01 reads it, Available, true: the component
 *       exists, and Problem, true while the status is Faulted. All are ReadOnly and not persistent.</li>
 *   <li>ConfigurationInventory is every variable the operator can set (B07.FR.07): the ReadWrite and WriteOnly
 *       ones; FullInventory every one (B07.FR.08); SummaryInventory the AvailabilityStates and the Problems that are
 *       true (B07.FR.09). None supports monitoring: block N is not implemented.</li>
 * </ul>
 *
 * <p>A report goes in parts of {@link #ITEMS_PER_PART} variables: an attribute's value may be 2,500 characters
 * long, so a part stays under about 32 KiB, a frame any CSMS takes, while the usual report, whose values are a
 * few characters, needs two or three messages (B07.FR.03's note: as few as possible).
 */
final class DeviceReport {

  /** The most variables one NotifyReport carries. */
  static final int ITEMS_PER_PART = 10;

  private static final Map<String, VariableKind> KINDS = Map.ofEntries(
      Map.entry("HeartbeatInterval", VariableKind.of(DataType.integer, "s")),
      Map.entry("WebSocketPingInterval", VariableKind.of(DataType.integer, "s")),
      Map.entry("ResetRetries", VariableKind.of(DataType.integer)),
      Map.entry("SecurityProfile", VariableKind.of(DataType.integer)),
      Map.entry("TransactionMessageAttempts", VariableKind.of(DataType.integer)),
      Map.entry("TransactionMessageRetryInterval", VariableKind.of(DataType.integer, "s")),
      Map.entry("CertificateSignedMaxChainSize", VariableKind.of(DataType.integer)),
      Map.entry("MeterValueSampleInterval", VariableKind.of(DataType.integer, "s")),
      Map.entry("ClockAlignedDataInterval", VariableKind.of(DataType.integer, "s")),
      Map.entry("ConnectionTimeOut", VariableKind.of(DataType.integer, "s")),
      Map.entry("MaxEnergyOnInvalidId", VariableKind.of(DataType.integer, "Wh")),
      Map.entry("MeterValuesSampledData", VariableKind.of(DataType.MemberList)),
      Map.entry("StopTxnSampledData", VariableKind.of(DataType.MemberList)),
      Map.entry("MeterValuesAlignedData", VariableKind.of(DataType.MemberList)),
      Map.entry("StopTxnAlignedData", VariableKind.of(DataType.MemberList)),
      Map.entry("SupportedFileTransferProtocols", VariableKind.of(DataType.MemberList)),
      Map.entry("AuthorizeRemoteTxRequests", VariableKind.of(DataType.boolean_)),
      Map.entry("LocalAuthorizeOffline", VariableKind.of(DataType.boolean_)),
      Map.entry("LocalPreAuthorize", VariableKind.of(DataType.boolean_)),
      Map.entry("AllowOfflineTxForUnknownId", VariableKind.of(DataType.boolean_)),
      Map.entry("AuthorizationCacheEnabled", VariableKind.of(DataType.boolean_)),
      Map.entry("StopTransactionOnEVSideDisconnect", VariableKind.of(DataType.boolean_)),
      Map.entry("StopTransactionOnInvalidId", VariableKind.of(DataType.boolean_)),
      Map.entry("UnlockConnectorOnEVSideDisconnect", VariableKind.of(DataType.boolean_)),
      Map.entry("AdditionalRootCertificateCheck", VariableKind.of(DataType.boolean_)),
      Map.entry("LocalAuthListEnabled", VariableKind.of(DataType.boolean_)),
      Map.entry("SendLocalListMaxLength", VariableKind.of(DataType.integer)));

  /** The components that have AvailabilityState, Available and Problem. */
  private static final List<String> AVAILABILITY_COMPONENTS = List.of("ChargingStation", "EVSE", "Connector");

  private static final String AVAILABILITY_STATES =
      Arrays.stream(ConnectorStatus.values()).map(Enum::name).collect(Collectors.joining(","));

  private DeviceReport() {
  }

  /**
   * Every variable of the device model, in the order of the {@link Variables} table, then of the
   * {@link OwnVariables} table, then TxCtrlr's points, then by EVSE.
   *
   * @param configuration the core's answer to a GetConfiguration of all its keys
   * @param own the value of each of the adapter's own variables; empty for one the station cannot tell now
   * @param txPoints TxCtrlr's TxStartPoint and TxStopPoint, as {@link TxPoints} reports them
   * @param station the status the core last reported of connector 0, the station as a whole, if it did
   * @param evses the status the core last reported of each EVSE, by its id
   */
  static List<ReportData> all(GetConfigurationResponse configuration, Function<OwnVariables.Own, Optional<String>> own,
      List<ReportData> txPoints, Optional<ConnectorStatus> station, Map<Integer, ConnectorStatus> evses) {
    List<ReportData> all = new ArrayList<>();
    for (Variables.Mapping mapping : Variables.TABLE) {
      Variables.keyIn(configuration, mapping.key()).ifPresent(key -> all.add(variable(mapping, key)));
    }
    for (OwnVariables.Own variable : OwnVariables.TABLE) {
      own.apply(variable).ifPresent(value -> all.add(own(variable, value)));
    }
    all.addAll(txPoints);
    station.ifPresent(status -> all.addAll(availability(new Component("ChargingStation", Optional.empty(),
        Optional.empty()), status)));
    new TreeMap<>(evses).forEach((id, status) -> {
      all.addAll(availability(new Component("EVSE", Optional.empty(), Optional.of(new Evse(id, Optional.empty()))), status));
      all.addAll(availability(new Component("Connector", Optional.empty(), Optional.of(new Evse(id, Optional.of(1)))), status));
    });
    return List.copyOf(all);
  }

  /**
   * {@return the variables of {@code all} report {@code base} holds: FullInventory all, ConfigurationInventory the
   * settable ones, SummaryInventory the AvailabilityState of the station, its EVSEs and connectors and the Problem
   * variables that are true (B07.FR.09, as EVerest libocpp selects it)}
   */
  static List<ReportData> of(ReportBase base, List<ReportData> all) {
    return switch (base) {
      case FullInventory -> all;
      case ConfigurationInventory -> all.stream()
          .filter(data -> data.variableAttribute().getFirst().mutability().orElse(Mutability.ReadWrite) != Mutability.ReadOnly)
          .toList();
      case SummaryInventory -> all.stream().filter(data -> data.variable().name().equals("AvailabilityState")
          || data.variable().name().equals("Problem") && data.variableAttribute().getFirst().value().equals(Optional.of("true")))
          .filter(data -> data.variable().instance().isEmpty() && AVAILABILITY_COMPONENTS.contains(data.component().name()))
          .toList();
    };
  }

  /** The report's NotifyReport messages: seqNo from 0, tbc on all but the last, one generatedAt for all. */
  static List<NotifyReportRequest> parts(int requestId, Instant generatedAt, List<ReportData> data) {
    List<NotifyReportRequest> parts = new ArrayList<>();
    for (int from = 0, seqNo = 0; from < data.size(); from += ITEMS_PER_PART, seqNo++) {
      int to = Math.min(from + ITEMS_PER_PART, data.size());
      parts.add(new NotifyReportRequest(requestId, generatedAt, data.subList(from, to), to < data.size(), seqNo));
    }
    return List.copyOf(parts);
  }

  private static ReportData variable(Variables.Mapping mapping, KeyValue key) {
    // the device model's word first (part 2 makes SecurityProfile ReadOnly and BasicAuthPassword WriteOnly,
    // whatever the 1.6 key allows), then the key's
    Mutability mutability = switch (mapping.mutability()) {
      case READ_ONLY -> Mutability.ReadOnly;
      case WRITE_ONLY -> Mutability.WriteOnly;
      case READ_WRITE -> key.readonly() ? Mutability.ReadOnly
          : key.value().isEmpty() ? Mutability.WriteOnly : Mutability.ReadWrite;
    };
    VariableKind kind = KINDS.getOrDefault(key.key(), VariableKind.of(DataType.string));
    return new ReportData(new Component(mapping.component(), Optional.empty(), Optional.empty()),
        new Variable(mapping.variable(), mapping.instance()),
        List.of(new VariableAttribute(Optional.of(Attribute.Actual),
            mutability == Mutability.WriteOnly ? Optional.empty() : key.value().map(mapping.reading()),
            Optional.of(mutability), true, false)),
        Optional.of(kind.characteristics()));
  }

  private static ReportData own(OwnVariables.Own variable, String value) {
    Mutability mutability = switch (variable.mutability()) {
      case READ_ONLY -> Mutability.ReadOnly;
      case WRITE_ONLY -> Mutability.WriteOnly;
      case READ_WRITE -> Mutability.ReadWrite;
    };
    return new ReportData(variable.wireComponent(), variable.wireVariable(),
        List.of(new VariableAttribute(Optional.of(Attribute.Actual), Optional.of(value), Optional.of(mutability),
            variable.persistent(), variable.constant())),
        Optional.of(variable.kind().characteristics()));
  }

  private static List<ReportData> availability(Component component, ConnectorStatus status) {
    return List.of(
        readOnly(component, "AvailabilityState", status.name(),
            new VariableCharacteristics(Optional.empty(), DataType.OptionList, Optional.empty(), Optional.empty(),
                Optional.of(AVAILABILITY_STATES), false)),
        readOnly(component, "Available", "true", VariableKind.of(DataType.boolean_).characteristics()),
        readOnly(component, "Problem", Boolean.toString(status == ConnectorStatus.Faulted),
            VariableKind.of(DataType.boolean_).characteristics()));
  }

  private static ReportData readOnly(Component component, String variable, String value,
      VariableCharacteristics characteristics) {
    return new ReportData(component, new Variable(variable, Optional.empty()),
        List.of(new VariableAttribute(Optional.of(Attribute.Actual), Optional.of(value), Optional.of(Mutability.ReadOnly),
            false, false)),
        Optional.of(characteristics));
  }
}
