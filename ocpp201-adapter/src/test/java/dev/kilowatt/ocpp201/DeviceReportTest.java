package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a report holds and how it is cut into NotifyReport messages, without a network. */
class DeviceReportTest {

  private static final Instant T = Instant.parse("2026-12-04T19:00:00Z");

  private static GetConfigurationResponse core(KeyValue... keys) {
    return new GetConfigurationResponse(List.of(keys), List.of());
  }

  /**
   * Report {@code base} of the core's keys and EVSEs only: no value is given for the adapter's own variables, nor
   * TxCtrlr's points.
   */
  private static List<ReportData> report(ReportBase base, GetConfigurationResponse keys, Map<Integer, ConnectorStatus> evses) {
    return DeviceReport.of(base, DeviceReport.all(keys, own -> Optional.empty(), List.of(), Optional.empty(), evses));
  }

  private static VariableAttribute attribute(ReportData data) {
    return data.variableAttribute().getFirst();
  }

  @Test
  void aWritableKeyTheCoreAnswersWithoutAValueIsWriteOnlyAndReportedWithoutOne() {
    // the core answers a secret (the AuthorizationKey) so: writable, no value
    List<ReportData> report = report(ReportBase.ConfigurationInventory,
        core(new KeyValue("HeartbeatInterval", false, Optional.empty()),
            new KeyValue("ResetRetries", true, Optional.of("3"))), Map.of());

    assertEquals(1, report.size(), "a read-only key is no part of the configuration inventory");
    assertEquals("HeartbeatInterval", report.getFirst().variable().name());
    assertEquals(Optional.of(Mutability.WriteOnly), attribute(report.getFirst()).mutability());
    assertEquals(Optional.empty(), attribute(report.getFirst()).value());
  }

  @Test
  void theSecurityControllerIsReportedAsPartTwoMakesItWhateverTheOneSixKeysAllow() {
    List<ReportData> report = report(ReportBase.FullInventory,
        core(new KeyValue("SecurityProfile", false, Optional.of("1")),
            new KeyValue("AuthorizationKey", false, Optional.of("not to be shown"))), Map.of());

    assertEquals(List.of("SecurityProfile", "BasicAuthPassword"), report.stream().map(d -> d.variable().name()).toList());
    assertEquals(Optional.of(Mutability.ReadOnly), attribute(report.get(0)).mutability());
    assertEquals(Optional.of("1"), attribute(report.get(0)).value());
    assertEquals(DataType.integer, report.get(0).variableCharacteristics().orElseThrow().dataType());
    assertEquals(Optional.of(Mutability.WriteOnly), attribute(report.get(1)).mutability());
    assertEquals(Optional.empty(), attribute(report.get(1)).value());
    assertEquals(List.of(), report(ReportBase.ConfigurationInventory,
        core(new KeyValue("SecurityProfile", false, Optional.of("1"))), Map.of()), "ReadOnly, so no configuration");
  }

  @Test
  void aFullInventoryHasEveryMappedKeyTheCoreHasInTableOrderThenEachEvseAndItsConnector() {
    List<ReportData> report = report(ReportBase.FullInventory,
        core(new KeyValue("MaxEnergyOnInvalidId", false, Optional.of("0")),
            new KeyValue("HeartbeatInterval", false, Optional.of("300")),
            new KeyValue("NotMapped", false, Optional.of("x"))),
        Map.of(2, ConnectorStatus.Faulted, 1, ConnectorStatus.Available));

    assertEquals(List.of("OCPPCommCtrlr.HeartbeatInterval", "TxCtrlr.MaxEnergyOnInvalidId",
            "EVSE1.AvailabilityState", "EVSE1.Available", "EVSE1.Problem", "Connector1.AvailabilityState",
            "Connector1.Available", "Connector1.Problem", "EVSE2.AvailabilityState", "EVSE2.Available", "EVSE2.Problem",
            "Connector2.AvailabilityState", "Connector2.Available", "Connector2.Problem"),
        report.stream().map(d -> d.component().name() + d.component().evse().map(e -> "" + e.id()).orElse("") + "."
            + d.variable().name()).toList());
    ReportData energy = report.get(1);
    assertEquals(DataType.integer, energy.variableCharacteristics().orElseThrow().dataType());
    assertEquals(Optional.of("Wh"), energy.variableCharacteristics().orElseThrow().unit());
    assertTrue(attribute(energy).persistent());
    assertEquals(Optional.of("Faulted"), attribute(report.get(11)).value());
    assertEquals(Optional.of(1), report.get(11).component().evse().orElseThrow().connectorId());
    assertEquals(Optional.of(Mutability.ReadOnly), attribute(report.get(11)).mutability());
    assertEquals(Optional.of("false"), attribute(report.get(4)).value(), "EVSE 1 has no problem");
    assertEquals(Optional.of("true"), attribute(report.get(13)).value(), "connector 2 is faulted");
  }

  @Test
  void theAdaptersOwnVariablesFollowTheKeysWithTheirTableMutabilityCharacteristicsAndPersistence() {
    List<ReportData> all = DeviceReport.all(core(new KeyValue("HeartbeatInterval", false, Optional.of("300"))),
        own -> Optional.of(own.variable().equals("DateTime") ? "2026-12-04T19:00:00Z" : "7"), List.of(), Optional.empty(),
        Map.of());

    assertEquals(1 + OwnVariables.TABLE.size(), all.size());
    ReportData timeout = all.get(1);
    assertEquals("OCPPCommCtrlr MessageTimeout Optional[Default]", timeout.component().name() + " "
        + timeout.variable().name() + " " + timeout.variable().instance());
    assertEquals(new VariableAttribute(Optional.of(Attribute.Actual), Optional.of("7"), Optional.of(Mutability.ReadOnly),
        true, true), attribute(timeout));
    ReportData clock = all.stream().filter(d -> d.variable().name().equals("DateTime")).findFirst().orElseThrow();
    assertEquals(false, attribute(clock).persistent());
    assertEquals(false, attribute(clock).constant());
    assertEquals(DataType.dateTime, clock.variableCharacteristics().orElseThrow().dataType());
    ReportData attempts = all.stream().filter(d -> d.variable().name().equals("NetworkProfileConnectionAttempts"))
        .findFirst().orElseThrow();
    assertEquals(Optional.of(Mutability.ReadWrite), attribute(attempts).mutability());
    assertEquals(Optional.of(1.0), attempts.variableCharacteristics().orElseThrow().minLimit());
    // the ConfigurationInventory keeps the ReadWrite ones: the key and the stored variables, not the facts
    assertTrue(DeviceReport.of(ReportBase.ConfigurationInventory, all).stream()
        .noneMatch(d -> attribute(d).mutability().equals(Optional.of(Mutability.ReadOnly))));
    assertTrue(DeviceReport.of(ReportBase.ConfigurationInventory, all).contains(attempts));
  }

  @Test
  void aSummaryInventoryIsTheAvailabilityStatesOfTheStationItsEvsesAndConnectorsAndTheProblemsThatAreTrue() {
    List<ReportData> all = DeviceReport.all(core(new KeyValue("HeartbeatInterval", false, Optional.of("300"))),
        own -> Optional.of("7"), List.of(), Optional.of(ConnectorStatus.Available),
        Map.of(1, ConnectorStatus.Faulted, 2, ConnectorStatus.Occupied));

    assertEquals(List.of("ChargingStation.AvailabilityState", "EVSE1.AvailabilityState", "EVSE1.Problem",
            "Connector1.AvailabilityState", "Connector1.Problem", "EVSE2.AvailabilityState", "Connector2.AvailabilityState"),
        DeviceReport.of(ReportBase.SummaryInventory, all).stream().map(d -> d.component().name()
            + d.component().evse().map(e -> "" + e.id()).orElse("") + "." + d.variable().name()).toList());
    assertEquals(List.of(), DeviceReport.of(ReportBase.SummaryInventory,
        DeviceReport.all(core(), own -> Optional.of("7"), List.of(), Optional.empty(), Map.of())),
        "no status reported yet");
  }

  @Test
  void aReportGoesInPartsOfTenNumberedFromZeroEachButTheLastToBeContinued() {
    ReportData one = report(ReportBase.FullInventory,
        core(new KeyValue("HeartbeatInterval", false, Optional.of("300"))), Map.of()).getFirst();

    List<NotifyReportRequest> ten = DeviceReport.parts(4, T, Collections.nCopies(10, one));
    assertEquals(1, ten.size());
    assertEquals(new NotifyReportRequest(4, T, Collections.nCopies(10, one), false, 0), ten.getFirst());

    List<NotifyReportRequest> twentyOne = DeviceReport.parts(4, T, Collections.nCopies(21, one));
    assertEquals(List.of(0, 1, 2), twentyOne.stream().map(NotifyReportRequest::seqNo).toList());
    assertEquals(List.of(true, true, false), twentyOne.stream().map(NotifyReportRequest::tbc).toList());
    assertEquals(List.of(10, 10, 1), twentyOne.stream().map(p -> p.reportData().size()).toList());
    assertTrue(twentyOne.stream().allMatch(p -> p.requestId() == 4 && p.generatedAt().equals(T)));
  }
}
