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
import java.util.stream.Collectors;

/**
 * What a base report (part 2 B07) says: every variable of {@link Variables} the core has, read through one
 * GetConfiguration of all the core's keys (naming the mapped ones would pass the core's GetConfigurationMaxKeys),
 * and the EVSE and Connector components of the EVSEs whose status the core reported.
 *
 * <ul>
 *   <li>A mapped variable's Actual value is its 1.6 key's. Its mutability is the device model's where
 *       {@link Variables} fixes one (SecurityProfile ReadOnly, BasicAuthPassword WriteOnly), else the key's: ReadOnly for a
 *       read-only key, WriteOnly for a writable key the core answers without a value (a secret, such as the
 *       AuthorizationKey: B07.FR.03 reports no value for it), else ReadWrite. It is persistent, for the core
 *       saves every change of its configuration. Its dataType is the 1.6 key's type (OCPP 1.6 section 9):
 *       integer, boolean, or MemberList for the comma lists of measurands; a key not typed here is a string.
 *       The list's valuesList, the measurands the meter has, is the core's and is left out.</li>
 *   <li>Then the variables the station keeps itself, as {@link TxPoints} reports them.</li>
 *   <li>EVSE n and its Connector 1 (the reference device's one connector per EVSE) have AvailabilityState, the
 *       status the core last reported for it read as part 2 G01 reads it, and Available, true: the component
 *       exists. Both are ReadOnly and not persistent.</li>
 *   <li>ConfigurationInventory is every variable the operator can set (B07.FR.07): the ReadWrite and WriteOnly
 *       ones; FullInventory every one (B07.FR.08). None supports monitoring: block N is not implemented.</li>
 * </ul>
 *
 * <p>A report goes in parts of {@link #ITEMS_PER_PART} variables: an attribute's value may be 2,500 characters
 * long, so a part stays under about 32 KiB, a frame any CSMS takes, while the usual report, whose values are a
 * few characters, needs two or three messages (B07.FR.03's note: as few as possible).
 */
final class DeviceReport {

  /** The most variables one NotifyReport carries. */
  static final int ITEMS_PER_PART = 10;

  /** The type and unit of a 1.6 key's value. */
  private record Kind(DataType dataType, Optional<String> unit) {
    static Kind of(DataType dataType) {
      return new Kind(dataType, Optional.empty());
    }

    static Kind of(DataType dataType, String unit) {
      return new Kind(dataType, Optional.of(unit));
    }
  }

  private static final Map<String, Kind> KINDS = Map.ofEntries(
      Map.entry("HeartbeatInterval", Kind.of(DataType.integer, "s")),
      Map.entry("WebSocketPingInterval", Kind.of(DataType.integer, "s")),
      Map.entry("ResetRetries", Kind.of(DataType.integer)),
      Map.entry("SecurityProfile", Kind.of(DataType.integer)),
      Map.entry("AdditionalRootCertificateCheck", Kind.of(DataType.boolean_)),
      Map.entry("CertificateSignedMaxChainSize", Kind.of(DataType.integer)),
      Map.entry("MeterValueSampleInterval", Kind.of(DataType.integer, "s")),
      Map.entry("ClockAlignedDataInterval", Kind.of(DataType.integer, "s")),
      Map.entry("ConnectionTimeOut", Kind.of(DataType.integer, "s")),
      Map.entry("MaxEnergyOnInvalidId", Kind.of(DataType.integer, "Wh")),
      Map.entry("MeterValuesSampledData", Kind.of(DataType.MemberList)),
      Map.entry("StopTxnSampledData", Kind.of(DataType.MemberList)),
      Map.entry("MeterValuesAlignedData", Kind.of(DataType.MemberList)),
      Map.entry("AuthorizeRemoteTxRequests", Kind.of(DataType.boolean_)),
      Map.entry("LocalAuthorizeOffline", Kind.of(DataType.boolean_)),
      Map.entry("LocalPreAuthorize", Kind.of(DataType.boolean_)),
      Map.entry("AllowOfflineTxForUnknownId", Kind.of(DataType.boolean_)),
      Map.entry("AuthorizationCacheEnabled", Kind.of(DataType.boolean_)),
      Map.entry("StopTransactionOnEVSideDisconnect", Kind.of(DataType.boolean_)),
      Map.entry("StopTransactionOnInvalidId", Kind.of(DataType.boolean_)),
      Map.entry("LocalAuthListEnabled", Kind.of(DataType.boolean_)),
      Map.entry("SendLocalListMaxLength", Kind.of(DataType.integer)));

  private static final String AVAILABILITY_STATES =
      Arrays.stream(ConnectorStatus.values()).map(Enum::name).collect(Collectors.joining(","));

  private DeviceReport() {
  }

  /**
   * The variables of report {@code base}, in the order of the {@link Variables} table, then the station's own, then by
   * EVSE.
   *
   * @param base ConfigurationInventory or FullInventory
   * @param configuration the core's answer to a GetConfiguration of all its keys
   * @param evses the status the core last reported of each EVSE, by its id
   * @param own the variables the station keeps itself ({@link TxPoints}), reported after the core's
   */
  static List<ReportData> of(ReportBase base, GetConfigurationResponse configuration, Map<Integer, ConnectorStatus> evses,
      List<ReportData> own) {
    List<ReportData> all = new ArrayList<>();
    for (Variables.Mapping mapping : Variables.TABLE) {
      Variables.keyIn(configuration, mapping.key()).ifPresent(key -> all.add(variable(mapping, key)));
    }
    all.addAll(own);
    new TreeMap<>(evses).forEach((id, status) -> {
      all.addAll(availability(new Component("EVSE", Optional.empty(), Optional.of(new Evse(id, Optional.empty()))), status));
      all.addAll(availability(new Component("Connector", Optional.empty(), Optional.of(new Evse(id, Optional.of(1)))), status));
    });
    return base == ReportBase.FullInventory ? all : all.stream()
        .filter(data -> data.variableAttribute().getFirst().mutability().orElse(Mutability.ReadWrite) != Mutability.ReadOnly)
        .toList();
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
    Kind kind = KINDS.getOrDefault(key.key(), Kind.of(DataType.string));
    return new ReportData(new Component(mapping.component(), Optional.empty(), Optional.empty()),
        new Variable(mapping.variable(), Optional.empty()),
        List.of(new VariableAttribute(Optional.of(Attribute.Actual),
            mutability == Mutability.WriteOnly ? Optional.empty() : key.value(), Optional.of(mutability), true, false)),
        Optional.of(new VariableCharacteristics(kind.unit(), kind.dataType(), Optional.empty(), Optional.empty(),
            Optional.empty(), false)));
  }

  private static List<ReportData> availability(Component component, ConnectorStatus status) {
    return List.of(
        readOnly(component, "AvailabilityState", status.name(),
            new VariableCharacteristics(Optional.empty(), DataType.OptionList, Optional.empty(), Optional.empty(),
                Optional.of(AVAILABILITY_STATES), false)),
        readOnly(component, "Available", "true",
            new VariableCharacteristics(Optional.empty(), DataType.boolean_, Optional.empty(), Optional.empty(),
                Optional.empty(), false)));
  }

  private static ReportData readOnly(Component component, String variable, String value,
      VariableCharacteristics characteristics) {
    return new ReportData(component, new Variable(variable, Optional.empty()),
        List.of(new VariableAttribute(Optional.of(Attribute.Actual), Optional.of(value), Optional.of(Mutability.ReadOnly),
            false, false)),
        Optional.of(characteristics));
  }
}
