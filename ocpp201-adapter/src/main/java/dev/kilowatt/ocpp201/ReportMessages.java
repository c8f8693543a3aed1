package dev.kilowatt.ocpp201;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kilowatt.ocpp201.Enums.Attribute;
import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import dev.kilowatt.ocpp201.Types.Component;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import dev.kilowatt.ocpp201.Types.Variable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The device model's reports (part 2 B07, B08): GetBaseReport and GetReport, which the CSMS sends, and
 * NotifyReport, in which the station sends the report it asked for, with the data types and enumerations only they use, named as
 * part 2 chapters 1 to 3 name them. {@link Action} ties each message to its wire name and direction.
 */
public final class ReportMessages {

  private ReportMessages() {
  }

  /** Which report the CSMS asks for. ({@code ReportBaseEnumType}) */
  public enum ReportBase {
    /** Every variable the operator can set. */
    ConfigurationInventory,
    /** Every variable, whatever its mutability. */
    FullInventory,
    /** The variables of the station's availability and condition. */
    SummaryInventory
  }

  /** Whether the station takes a device-model request. ({@code GenericDeviceModelStatusEnumType}) */
  public enum GenericDeviceModelStatus {
    /** Taken: the report follows. */
    Accepted,
    /** Not taken now, e.g. while another report is being sent. */
    Rejected,
    /** The station does not make such a report. */
    NotSupported,
    /** Nothing matches the request: no report follows. */
    EmptyResultSet
  }

  /** Which components a GetReport asks for: those whose variable of the same name is true. ({@code ComponentCriterionEnumType}) */
  public enum ComponentCriterion {
    /** Components in use. */
    Active,
    /** Components that exist and can be used. */
    Available,
    /** Components switched on. */
    Enabled,
    /** Components that have a problem. */
    Problem
  }

  /** Who may read and write a variable's attribute over OCPP. ({@code MutabilityEnumType}) */
  public enum Mutability {
    /** Read only. */
    ReadOnly,
    /** Write only: its value is never reported, e.g. a password. */
    WriteOnly,
    /** Read and written. */
    ReadWrite
  }

  /** The type of a variable's value. ({@code DataEnumType}) */
  public enum DataType {
    /** Any text. */
    string,
    /** A decimal number. */
    decimal,
    /** A whole number. */
    integer,
    /** An RFC 3339 date and time. */
    dateTime,
    /** {@code true} or {@code false}. */
    @JsonProperty("boolean") boolean_,
    /** One of the values of the valuesList. */
    OptionList,
    /** An ordered comma list of values of the valuesList. */
    SequenceList,
    /** An unordered comma list of values of the valuesList. */
    MemberList
  }

  /**
   * B07: the CSMS asks for one of the predefined reports of the device model.
   *
   * @param requestId the id the report's NotifyReport messages repeat
   * @param reportBase which report
   */
  public record GetBaseReportRequest(int requestId, ReportBase reportBase) implements Request<GetBaseReportResponse> {
  }

  /**
   * B07: whether the report follows.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record GetBaseReportResponse(GenericDeviceModelStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }

  /**
   * A component, and optionally one of its variables, that a GetReport names.
   *
   * @param component the component
   * @param variable the variable; absent for all the component's variables
   */
  public record ComponentVariable(Component component, Optional<Variable> variable) {
  }

  /**
   * B08: the CSMS asks for a report of the variables it names, of the components that meet its criteria.
   *
   * @param requestId the id the report's NotifyReport messages repeat
   * @param componentVariable the components and variables wanted; empty for all
   * @param componentCriteria the criteria a component must meet one of; empty for none
   */
  public record GetReportRequest(int requestId, List<ComponentVariable> componentVariable,
      List<ComponentCriterion> componentCriteria) implements Request<GetReportResponse> {
    /** A null list reads as empty; the lists are copied, so the request stays as built. */
    public GetReportRequest {
      componentVariable = List.copyOf(componentVariable == null ? List.of() : componentVariable);
      componentCriteria = List.copyOf(componentCriteria == null ? List.of() : componentCriteria);
    }
  }

  /**
   * B08: whether the report follows.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record GetReportResponse(GenericDeviceModelStatus status, Optional<StatusInfo> statusInfo) implements Response {
  }

  /**
   * B07: one part of a report the CSMS asked for.
   *
   * @param requestId the id of the request this report answers
   * @param generatedAt when the report was made; the same in every part
   * @param reportData the part's variables
   * @param tbc whether more parts follow
   * @param seqNo the part's number, 0 for the first
   */
  public record NotifyReportRequest(int requestId, Instant generatedAt, List<ReportData> reportData, boolean tbc,
      int seqNo) implements Request<NotifyReportResponse> {
  }

  /** B07: the CSMS's acknowledgement of a part, which carries nothing. */
  public record NotifyReportResponse() implements Response {
  }

  /**
   * One variable in a report.
   *
   * @param component the component it belongs to
   * @param variable the variable
   * @param variableAttribute its attributes, one to four
   * @param variableCharacteristics what its values are
   */
  public record ReportData(Component component, Variable variable, List<VariableAttribute> variableAttribute,
      Optional<VariableCharacteristics> variableCharacteristics) {
  }

  /**
   * One attribute of a variable in a report.
   *
   * @param type which attribute; absent means Actual
   * @param value its value; absent for a write-only attribute
   * @param mutability who may read and write it; absent means ReadWrite
   * @param persistent whether the value survives a reboot
   * @param constant whether the station never changes the value itself
   */
  public record VariableAttribute(Optional<Attribute> type, Optional<String> value, Optional<Mutability> mutability,
      boolean persistent, boolean constant) {
  }

  /**
   * What the values of a variable are.
   *
   * @param unit the unit of a value that has one, e.g. {@code s}
   * @param dataType the values' type
   * @param minLimit the least value
   * @param maxLimit the greatest value, or the longest text of a string or list
   * @param valuesList the allowed values of a list, comma separated
   * @param supportsMonitoring whether the variable can be monitored
   */
  public record VariableCharacteristics(Optional<String> unit, DataType dataType, Optional<Double> minLimit,
      Optional<Double> maxLimit, Optional<String> valuesList, boolean supportsMonitoring) {
  }
}
