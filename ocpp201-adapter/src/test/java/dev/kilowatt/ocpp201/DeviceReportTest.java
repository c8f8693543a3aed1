package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.KeyValue;
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

/** What a base report holds and how it is cut into NotifyReport messages, without a network. */
class DeviceReportTest {

  private static final Instant T = Instant.parse("2026-12-04T19:00:00Z");

  private static GetConfigurationResponse core(KeyValue... keys) {
    return new GetConfigurationResponse(List.of(keys), List.of());
  }

  private static VariableAttribute attribute(ReportData data) {
    return data.variableAttribute().getFirst();
  }

  @Test
  void aWritableKeyTheCoreAnswersWithoutAValueIsWriteOnlyAndReportedWithoutOne() {
    // the core answers a secret (the AuthorizationKey) so: writable, no value
    List<ReportData> report = DeviceReport.of(ReportBase.ConfigurationInventory,
        core(new KeyValue("HeartbeatInterval", false, Optional.empty()),
            new KeyValue("ResetRetries", true, Optional.of("3"))), Map.of(), List.of());

    assertEquals(1, report.size(), "a read-only key is no part of the configuration inventory");
    assertEquals("HeartbeatInterval", report.getFirst().variable().name());
    assertEquals(Optional.of(Mutability.WriteOnly), attribute(report.getFirst()).mutability());
    assertEquals(Optional.empty(), attribute(report.getFirst()).value());
  }

  @Test
  void theSecurityControllerIsReportedAsPartTwoMakesItWhateverTheOneSixKeysAllow() {
    List<ReportData> report = DeviceReport.of(ReportBase.FullInventory,
        core(new KeyValue("SecurityProfile", false, Optional.of("1")),
            new KeyValue("AuthorizationKey", false, Optional.of("not to be shown"))), Map.of(), List.of());

    assertEquals(List.of("SecurityProfile", "BasicAuthPassword"), report.stream().map(d -> d.variable().name()).toList());
    assertEquals(Optional.of(Mutability.ReadOnly), attribute(report.get(0)).mutability());
    assertEquals(Optional.of("1"), attribute(report.get(0)).value());
    assertEquals(DataType.integer, report.get(0).variableCharacteristics().orElseThrow().dataType());
    assertEquals(Optional.of(Mutability.WriteOnly), attribute(report.get(1)).mutability());
    assertEquals(Optional.empty(), attribute(report.get(1)).value());
    assertEquals(List.of(), DeviceReport.of(ReportBase.ConfigurationInventory,
        core(new KeyValue("SecurityProfile", false, Optional.of("1"))), Map.of(), List.of()),
        "ReadOnly, so no configuration");
  }

  @Test
  void aFullInventoryHasEveryMappedKeyTheCoreHasInTableOrderThenEachEvseAndItsConnector() {
    List<ReportData> report = DeviceReport.of(ReportBase.FullInventory,
        core(new KeyValue("MaxEnergyOnInvalidId", false, Optional.of("0")),
            new KeyValue("HeartbeatInterval", false, Optional.of("300")),
            new KeyValue("NotMapped", false, Optional.of("x"))),
        Map.of(2, ConnectorStatus.Faulted, 1, ConnectorStatus.Available), List.of());

    assertEquals(List.of("OCPPCommCtrlr.HeartbeatInterval", "TxCtrlr.MaxEnergyOnInvalidId",
            "EVSE1.AvailabilityState", "EVSE1.Available", "Connector1.AvailabilityState", "Connector1.Available",
            "EVSE2.AvailabilityState", "EVSE2.Available", "Connector2.AvailabilityState", "Connector2.Available"),
        report.stream().map(d -> d.component().name() + d.component().evse().map(e -> "" + e.id()).orElse("") + "."
            + d.variable().name()).toList());
    ReportData energy = report.get(1);
    assertEquals(DataType.integer, energy.variableCharacteristics().orElseThrow().dataType());
    assertEquals(Optional.of("Wh"), energy.variableCharacteristics().orElseThrow().unit());
    assertTrue(attribute(energy).persistent());
    assertEquals(Optional.of("Faulted"), attribute(report.get(8)).value());
    assertEquals(Optional.of(1), report.get(8).component().evse().orElseThrow().connectorId());
    assertEquals(Optional.of(Mutability.ReadOnly), attribute(report.get(8)).mutability());
  }

  @Test
  void aReportGoesInPartsOfTenNumberedFromZeroEachButTheLastToBeContinued() {
    ReportData one = DeviceReport.of(ReportBase.FullInventory,
        core(new KeyValue("HeartbeatInterval", false, Optional.of("300"))), Map.of(), List.of()).getFirst();

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
