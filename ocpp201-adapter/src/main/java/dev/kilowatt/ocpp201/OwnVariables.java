package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.ReportMessages.DataType;
import dev.kilowatt.ocpp201.Types.Component;
import dev.kilowatt.ocpp201.Types.Variable;
import dev.kilowatt.ocpp201.Variables.Mutability;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The variables of the device model that are none of the core's 1.6 keys ({@link Variables} has those): the
 * required variables of part 2's appendix (as EVerest libocpp's component schemas list them) of the controllers
 * this station has, kept by the adapter ({@link Source.Stored}, through the Storage port), fixed for this
 * build ({@link Source.Constant}) or facts of the running station ({@link Source.Of}). Grouped by controller;
 * TxCtrlr's two, TxStartPoint and TxStopPoint, are kept and checked by {@link TxPoints}.
 *
 * <p>What each stored one does: RetryBackOffWaitMinimum, RetryBackOffRepeatTimes and RetryBackOffRandomRange
 * time the reconnection after a loss ({@link Ocpp201CentralSystem}). The others are kept and reported but change
 * nothing the station does yet: NetworkConfigurationPriority and NetworkProfileConnectionAttempts (the station
 * has one connection profile, slot 1, and nothing to switch to), OfflineThreshold (the core reports every
 * connector after each boot, not after a long loss), the two TxEndedInterval (the core samples an Ended event's
 * values at the TxUpdatedInterval) and TxStartedMeasurands (the Started event carries the start register only).
 * TimeSource has one value, Heartbeat: the core sets its clock from the CSMS's BootNotification and Heartbeat
 * answers and from nothing else.
 */
final class OwnVariables {

  /** A value the running station knows. */
  enum Fact {
    /** The station's identity, the last segment of its address. */
    IDENTITY,
    /** The message time-out of calls, in seconds. */
    MESSAGE_TIMEOUT,
    /** The station's clock. */
    DATE_TIME,
    /** The number of root certificates the core has installed. */
    CERTIFICATE_ENTRIES
  }

  /** Where a variable's value comes from. */
  sealed interface Source {
    /** Kept by the adapter through the Storage port; {@code initial} until the CSMS sets another. */
    record Stored(String initial) implements Source {
    }

    /** Fixed for this build. */
    record Constant(String value) implements Source {
    }

    /** A fact of the running station. */
    record Of(Fact fact) implements Source {
    }
  }

  /** One variable: where it is, who may read and write it, what its values are, where its value comes from. */
  record Own(String component, String variable, Optional<String> instance, Mutability mutability, VariableKind kind,
      Source source) {

    Own(String component, String variable, Mutability mutability, VariableKind kind, Source source) {
      this(component, variable, Optional.empty(), mutability, kind, source);
    }

    /** {@return whether the value survives a restart: all but the clock's} */
    boolean persistent() {
      return !(source instanceof Source.Of(Fact fact) && fact == Fact.DATE_TIME);
    }

    /** {@return whether the station never changes the value itself: the constants, the identity, the time-out} */
    boolean constant() {
      return source instanceof Source.Constant
          || source instanceof Source.Of(Fact fact) && (fact == Fact.IDENTITY || fact == Fact.MESSAGE_TIMEOUT);
    }

    /** {@return the component as the wire names it: the station's own, no instance, no EVSE} */
    Component wireComponent() {
      return new Component(component, Optional.empty(), Optional.empty());
    }

    /** {@return the variable as the wire names it} */
    Variable wireVariable() {
      return new Variable(variable, instance);
    }
  }

  /**
   * The most entries one GetVariables, SetVariables or GetReport may name (DeviceDataCtrlr.ItemsPerMessage):
   * a GetVariables answer of twenty values of the schema's longest (2,500 characters) stays under 64 KiB.
   */
  static final int ITEMS_PER_MESSAGE = 20;

  /**
   * The longest GetVariables, SetVariables or GetReport the station takes, in bytes of its frame
   * (DeviceDataCtrlr.BytesPerMessage): twenty entries of the schemas' longest names and values fit.
   */
  static final int BYTES_PER_MESSAGE = 65_536;

  private static final Optional<String> SECONDS = Optional.of("s");
  private static final Optional<String> NONE = Optional.empty();

  private static final String MEASURANDS = Arrays.stream(TransactionEnums.Measurand.values())
      .map(m -> m.name().replace('_', '.')).collect(Collectors.joining(","));

  static final List<Own> TABLE = List.of(
      // OCPPCommCtrlr
      new Own("OCPPCommCtrlr", "MessageTimeout", Optional.of("Default"), Mutability.READ_ONLY,
          VariableKind.of(DataType.integer, "s"), new Source.Of(Fact.MESSAGE_TIMEOUT)),
      new Own("OCPPCommCtrlr", "NetworkConfigurationPriority", Mutability.READ_WRITE,
          VariableKind.list(DataType.SequenceList, "1"), new Source.Stored("1")),
      new Own("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", Mutability.READ_WRITE,
          VariableKind.integer(NONE, 1), new Source.Stored("3")),
      new Own("OCPPCommCtrlr", "OfflineThreshold", Mutability.READ_WRITE,
          VariableKind.integer(SECONDS, 0), new Source.Stored("60")),
      new Own("OCPPCommCtrlr", "RetryBackOffRandomRange", Mutability.READ_WRITE,
          VariableKind.integer(SECONDS, 0), new Source.Stored("0")),
      new Own("OCPPCommCtrlr", "RetryBackOffRepeatTimes", Mutability.READ_WRITE,
          VariableKind.integer(NONE, 0), new Source.Stored("6")),
      new Own("OCPPCommCtrlr", "RetryBackOffWaitMinimum", Mutability.READ_WRITE,
          VariableKind.integer(SECONDS, 1), new Source.Stored("1")),
      // DeviceDataCtrlr
      constant("DeviceDataCtrlr", "ItemsPerMessage", "GetReport", ITEMS_PER_MESSAGE),
      constant("DeviceDataCtrlr", "ItemsPerMessage", "GetVariables", ITEMS_PER_MESSAGE),
      constant("DeviceDataCtrlr", "ItemsPerMessage", "SetVariables", ITEMS_PER_MESSAGE),
      constant("DeviceDataCtrlr", "BytesPerMessage", "GetReport", BYTES_PER_MESSAGE),
      constant("DeviceDataCtrlr", "BytesPerMessage", "GetVariables", BYTES_PER_MESSAGE),
      constant("DeviceDataCtrlr", "BytesPerMessage", "SetVariables", BYTES_PER_MESSAGE),
      // SecurityCtrlr
      new Own("SecurityCtrlr", "Identity", Mutability.READ_ONLY, VariableKind.of(DataType.string),
          new Source.Of(Fact.IDENTITY)),
      new Own("SecurityCtrlr", "CertificateEntries", Mutability.READ_ONLY, VariableKind.of(DataType.integer),
          new Source.Of(Fact.CERTIFICATE_ENTRIES)),
      // SampledDataCtrlr
      new Own("SampledDataCtrlr", "TxEndedInterval", Mutability.READ_WRITE, VariableKind.integer(SECONDS, 0),
          new Source.Stored("0")),
      new Own("SampledDataCtrlr", "TxStartedMeasurands", Mutability.READ_WRITE,
          VariableKind.list(DataType.MemberList, MEASURANDS), new Source.Stored("")),
      // AlignedDataCtrlr
      new Own("AlignedDataCtrlr", "TxEndedInterval", Mutability.READ_WRITE, VariableKind.integer(SECONDS, 0),
          new Source.Stored("0")),
      // ClockCtrlr
      new Own("ClockCtrlr", "DateTime", Mutability.READ_ONLY, VariableKind.of(DataType.dateTime),
          new Source.Of(Fact.DATE_TIME)),
      new Own("ClockCtrlr", "TimeSource", Mutability.READ_WRITE, VariableKind.list(DataType.SequenceList, "Heartbeat"),
          new Source.Stored("Heartbeat")));

  private OwnVariables() {
  }

  private static Own constant(String component, String variable, String instance, int value) {
    return new Own(component, variable, Optional.of(instance), Mutability.READ_ONLY, VariableKind.of(DataType.integer),
        new Source.Constant(Integer.toString(value)));
  }

  /** {@return the variable {@code variable} of {@code component}, of the station's own components only} */
  static Optional<Own> find(Component component, Variable variable) {
    if (component.instance().isPresent() || component.evse().isPresent()) {
      return Optional.empty();
    }
    return TABLE.stream().filter(own -> own.component().equals(component.name())
        && own.variable().equals(variable.name()) && own.instance().equals(variable.instance())).findFirst();
  }

  /** {@return whether some variable of this table belongs to a component named {@code name}} */
  static boolean hasComponent(String name) {
    return TABLE.stream().anyMatch(own -> own.component().equals(name));
  }
}
