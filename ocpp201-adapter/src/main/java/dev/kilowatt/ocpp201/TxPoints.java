package dev.kilowatt.ocpp201;

import dev.kilowatt.core.port.Storage;
import dev.kilowatt.ocpp201.Enums.Attribute;
import dev.kilowatt.ocpp201.Enums.GetVariableStatus;
import dev.kilowatt.ocpp201.Enums.SetVariableStatus;
import dev.kilowatt.ocpp201.ReportMessages.DataType;
import dev.kilowatt.ocpp201.ReportMessages.Mutability;
import dev.kilowatt.ocpp201.ReportMessages.ReportData;
import dev.kilowatt.ocpp201.ReportMessages.VariableAttribute;
import dev.kilowatt.ocpp201.ReportMessages.VariableCharacteristics;
import dev.kilowatt.ocpp201.Types.Component;
import dev.kilowatt.ocpp201.Types.GetVariableData;
import dev.kilowatt.ocpp201.Types.GetVariableResult;
import dev.kilowatt.ocpp201.Types.SetVariableData;
import dev.kilowatt.ocpp201.Types.SetVariableResult;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code TxCtrlr.TxStartPoint} and {@code TxCtrlr.TxStopPoint} (part 2 E01, E06): when the station starts and
 * ends a transaction, as comma lists of the points of part 2's TxStartStopPointEnumType. They are no 1.6 key:
 * the core starts and stops as 1.6 has it, and these variables say which 2.0.1 points that is.
 *
 * <p>A transaction starts at the first of its start points to be met (E01.FR.01 to FR.06, one requirement per
 * point) and ends at the first of its stop points to end (E06). The core starts once the driver is authorized
 * and the EV is plugged in, which is PowerPathClosed (E01.FR.05); EnergyTransfer can only follow it, so a list
 * of PowerPathClosed with EnergyTransfer starts at the same moment. The core ends a transaction when its
 * authorization ends (a card, the CSMS, StopTxOnInvalidId), which is Authorized (E06.FR.03, FR.04); an unplugged
 * EV ends it only when {@code StopTxOnEVSideDisconnect} is true, which part 2 defines as deauthorizing the
 * transaction, so Authorized says that too. Any other list would start or end transactions at a moment the
 * core does not: EVConnected or Authorized alone would start before the other condition (the core's 1.6
 * StartTransaction needs both), EVConnected, PowerPathClosed or EnergyTransfer as a stop point would end a
 * transaction the core keeps, ParkingBayOccupancy needs a bay detector the reference device lacks, and the
 * station's meter signs nothing (DataSigned). A SetVariables of such a list is Rejected, as B05.FR.07 has an
 * invalid value answered (a public summary's wording), never accepted and ignored; the report's valuesList names
 * the points each list may hold.
 *
 * <p>The values are the station's, kept through the core's {@link Storage} port (keys
 * {@code ocpp201/TxCtrlr/...}), so an accepted spelling survives a restart; without one the default is the
 * core's own point.
 */
final class TxPoints {

  /** Part 2's TxStartStopPointEnumType. */
  enum Point {
    ParkingBayOccupancy, EVConnected, Authorized, DataSigned, PowerPathClosed, EnergyTransfer
  }

  /** One of the two variables: the point the core keeps to, and the points a list of it may hold besides. */
  enum Setting {
    START("TxStartPoint", Point.PowerPathClosed, EnumSet.of(Point.PowerPathClosed, Point.EnergyTransfer)),
    STOP("TxStopPoint", Point.Authorized, EnumSet.of(Point.Authorized));

    private final String variable;
    private final Point core;
    private final Set<Point> honoured;

    Setting(String variable, Point core, Set<Point> honoured) {
      this.variable = variable;
      this.core = core;
      this.honoured = honoured;
    }

    String variable() {
      return variable;
    }

    /** {@return whether a list of {@code points} starts or ends transactions where the core does} */
    boolean honours(Set<Point> points) {
      return points.contains(core) && honoured.containsAll(points);
    }

    String valuesList() {
      return honoured.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private String storageKey() {
      return "ocpp201/TxCtrlr/" + variable;
    }
  }

  /** The value as stored: the accepted list, as the CSMS spelt it. */
  record Stored(String value) {
  }

  static final String COMPONENT = "TxCtrlr";

  private final Storage storage;

  TxPoints(Storage storage) {
    this.storage = storage;
  }

  /** {@return which of the two variables {@code component} and {@code variable} name, if either} */
  static Optional<Setting> named(Component component, Types.Variable variable) {
    if (!component.name().equals(COMPONENT) || component.instance().isPresent() || component.evse().isPresent()
        || variable.instance().isPresent()) {
      return Optional.empty();
    }
    return Arrays.stream(Setting.values()).filter(s -> s.variable().equals(variable.name())).findFirst();
  }

  /** {@return the list {@code setting} holds now} */
  String value(Setting setting) {
    return storage.load(setting.storageKey(), Stored.class).map(Stored::value).orElse(setting.core.name());
  }

  /** GetVariables of one of the two ({@link #named} must have found it). */
  GetVariableResult read(GetVariableData data, Setting setting) {
    boolean actual = data.attributeType().orElse(Attribute.Actual) == Attribute.Actual;
    return new GetVariableResult(actual ? GetVariableStatus.Accepted : GetVariableStatus.NotSupportedAttributeType,
        data.attributeType(), actual ? Optional.of(value(setting)) : Optional.empty(), data.component(),
        data.variable(), Optional.empty());
  }

  /** SetVariables of one of the two ({@link #named} must have found it): stored when the core can keep to it. */
  SetVariableResult write(SetVariableData data, Setting setting) {
    if (data.attributeType().orElse(Attribute.Actual) != Attribute.Actual) {
      return result(data, SetVariableStatus.NotSupportedAttributeType, Optional.empty());
    }
    Optional<Set<Point>> points = points(data.attributeValue());
    if (points.isEmpty()) {
      return result(data, SetVariableStatus.Rejected, Optional.of(new StatusInfo("InvalidValue",
          Optional.of("a comma list of " + Arrays.toString(Point.values())))));
    }
    if (!setting.honours(points.get())) {
      return result(data, SetVariableStatus.Rejected, Optional.of(new StatusInfo("UnsupportedValue",
          Optional.of("this station keeps to " + setting.core + "; a list may hold " + setting.valuesList()))));
    }
    storage.save(setting.storageKey(), new Stored(String.join(",",
        points.get().stream().map(Enum::name).toList())));
    return result(data, SetVariableStatus.Accepted, Optional.empty());
  }

  /** {@return both variables for a report: ReadWrite, persistent, MemberList of the points each may hold} */
  List<ReportData> report() {
    return Arrays.stream(Setting.values()).map(setting -> new ReportData(
        new Component(COMPONENT, Optional.empty(), Optional.empty()), new Types.Variable(setting.variable(), Optional.empty()),
        List.of(new VariableAttribute(Optional.of(Attribute.Actual), Optional.of(value(setting)),
            Optional.of(Mutability.ReadWrite), true, false)),
        Optional.of(new VariableCharacteristics(Optional.empty(), DataType.MemberList, Optional.empty(), Optional.empty(),
            Optional.of(setting.valuesList()), false)))).toList();
  }

  /** The points of a comma list, in its order; empty if it names none or one that is not a point. */
  private static Optional<Set<Point>> points(String list) {
    Set<Point> points = new LinkedHashSet<>();
    for (String member : list.split(",", -1)) {
      Optional<Point> point = Arrays.stream(Point.values()).filter(p -> p.name().equals(member.strip())).findFirst();
      if (point.isEmpty()) {
        return Optional.empty();
      }
      points.add(point.get());
    }
    return Optional.of(points);
  }

  private static SetVariableResult result(SetVariableData data, SetVariableStatus status, Optional<StatusInfo> info) {
    return new SetVariableResult(data.attributeType(), status, data.component(), data.variable(), info);
  }
}
