package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.ocpp201.Enums.Attribute;
import dev.kilowatt.ocpp201.Enums.ConnectorStatus;
import dev.kilowatt.ocpp201.Enums.GetVariableStatus;
import dev.kilowatt.ocpp201.Enums.SetVariableStatus;
import dev.kilowatt.ocpp201.ReportMessages.ReportBase;
import dev.kilowatt.ocpp201.ReportMessages.ReportData;
import dev.kilowatt.ocpp201.TxPoints.Setting;
import dev.kilowatt.ocpp201.Types.Component;
import dev.kilowatt.ocpp201.Types.Evse;
import dev.kilowatt.ocpp201.Types.GetVariableData;
import dev.kilowatt.ocpp201.Types.SetVariableData;
import dev.kilowatt.ocpp201.Types.SetVariableResult;
import dev.kilowatt.ocpp201.Types.Variable;
import dev.kilowatt.test.InMemoryStorage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** TxCtrlr.TxStartPoint and TxStopPoint: what the station accepts, keeps and reports, without a network. */
class TxPointsTest {

  private static final Component TX_CTRLR = new Component("TxCtrlr", Optional.empty(), Optional.empty());

  private final InMemoryStorage storage = new InMemoryStorage();
  private final TxPoints points = new TxPoints(storage);

  private static Variable variable(Setting setting) {
    return new Variable(setting.variable(), Optional.empty());
  }

  private SetVariableResult set(Setting setting, String value) {
    return points.write(new SetVariableData(Optional.empty(), value, TX_CTRLR, variable(setting)), setting);
  }

  private String read(TxPoints from, Setting setting) {
    return from.read(new GetVariableData(Optional.empty(), TX_CTRLR, variable(setting)), setting).attributeValue().orElseThrow();
  }

  @Test
  void theyAreTheTxCtrlrsOwnVariablesOfTheStationNotOfAnEvse() {
    assertEquals(Optional.of(Setting.START), TxPoints.named(TX_CTRLR, new Variable("TxStartPoint", Optional.empty())));
    assertEquals(Optional.of(Setting.STOP), TxPoints.named(TX_CTRLR, new Variable("TxStopPoint", Optional.empty())));
    assertEquals(Optional.empty(), TxPoints.named(TX_CTRLR, new Variable("EVConnectionTimeOut", Optional.empty())));
    assertEquals(Optional.empty(), TxPoints.named(new Component("TxCtrlr", Optional.empty(),
        Optional.of(new Evse(1, Optional.empty()))), new Variable("TxStartPoint", Optional.empty())));
    assertEquals(Optional.empty(), TxPoints.named(new Component("SampledDataCtrlr", Optional.empty(), Optional.empty()),
        new Variable("TxStartPoint", Optional.empty())));
  }

  @Test
  void withoutAnAcceptedValueTheyNameWhereTheCoreStartsAndStops() {
    assertEquals("PowerPathClosed", read(points, Setting.START));
    assertEquals("Authorized", read(points, Setting.STOP));
  }

  @Test
  void aListTheCoreKeepsToIsAcceptedAndSurvivesARestart() {
    assertEquals(SetVariableStatus.Accepted, set(Setting.START, "PowerPathClosed, EnergyTransfer").attributeStatus());
    assertEquals(SetVariableStatus.Accepted, set(Setting.STOP, "Authorized").attributeStatus());

    TxPoints afterRestart = new TxPoints(storage);
    assertEquals("PowerPathClosed,EnergyTransfer", read(afterRestart, Setting.START));
    assertEquals("Authorized", read(afterRestart, Setting.STOP));
  }

  @Test
  void aListThatWouldStartOrEndTransactionsWhereTheCoreDoesNotIsRejectedAndChangesNothing() {
    for (String start : List.of("EVConnected", "Authorized", "EVConnected,Authorized", "EnergyTransfer",
        "PowerPathClosed,Authorized", "ParkingBayOccupancy,PowerPathClosed", "DataSigned,PowerPathClosed")) {
      SetVariableResult result = set(Setting.START, start);
      assertEquals(SetVariableStatus.Rejected, result.attributeStatus(), start);
      assertEquals("UnsupportedValue", result.attributeStatusInfo().orElseThrow().reasonCode(), start);
    }
    for (String stop : List.of("EVConnected", "EVConnected,Authorized", "PowerPathClosed", "Authorized,EnergyTransfer",
        "ParkingBayOccupancy", "Authorized,DataSigned")) {
      assertEquals(SetVariableStatus.Rejected, set(Setting.STOP, stop).attributeStatus(), stop);
    }
    assertEquals("PowerPathClosed", read(points, Setting.START));
    assertEquals("Authorized", read(points, Setting.STOP));
    assertEquals(List.of(), storage.keys("ocpp201/"));
  }

  @Test
  void aValueThatIsNoListOfPointsIsRejectedAsInvalid() {
    for (String value : List.of("", "PowerPathClosed,", "powerpathclosed", "PowerPathClosed;EnergyTransfer")) {
      SetVariableResult result = set(Setting.START, value);
      assertEquals(SetVariableStatus.Rejected, result.attributeStatus(), value);
      assertEquals("InvalidValue", result.attributeStatusInfo().orElseThrow().reasonCode(), value);
    }
  }

  @Test
  void onlyTheActualAttributeExists() {
    assertEquals(SetVariableStatus.NotSupportedAttributeType, points.write(new SetVariableData(Optional.of(Attribute.Target),
        "PowerPathClosed", TX_CTRLR, variable(Setting.START)), Setting.START).attributeStatus());
    assertEquals(GetVariableStatus.NotSupportedAttributeType, points.read(new GetVariableData(Optional.of(Attribute.MaxSet),
        TX_CTRLR, variable(Setting.STOP)), Setting.STOP).attributeStatus());
  }

  @Test
  void theReportHasBothReadWriteAndPersistentWithThePointsEachListMayHoldAfterTheCoresKeysBeforeTheEvses() {
    set(Setting.START, "EnergyTransfer,PowerPathClosed");
    List<ReportData> report = DeviceReport.of(ReportBase.ConfigurationInventory,
        new GetConfigurationResponse(List.of(new KeyValue("HeartbeatInterval", false, Optional.of("300"))), List.of()),
        Map.of(1, ConnectorStatus.Available), points.report());

    assertEquals(List.of("HeartbeatInterval", "TxStartPoint", "TxStopPoint"),
        report.stream().map(d -> d.variable().name()).toList());
    ReportData start = report.get(1);
    assertEquals("TxCtrlr", start.component().name());
    assertEquals(new ReportMessages.VariableAttribute(Optional.of(Attribute.Actual), Optional.of("EnergyTransfer,PowerPathClosed"),
        Optional.of(ReportMessages.Mutability.ReadWrite), true, false), start.variableAttribute().getFirst());
    ReportMessages.VariableCharacteristics kind = start.variableCharacteristics().orElseThrow();
    assertEquals(ReportMessages.DataType.MemberList, kind.dataType());
    assertEquals(Optional.of("PowerPathClosed,EnergyTransfer"), kind.valuesList());
    assertEquals(Optional.of("Authorized"), report.get(2).variableCharacteristics().orElseThrow().valuesList());
    assertTrue(DeviceReport.of(ReportBase.FullInventory, new GetConfigurationResponse(List.of(), List.of()),
        Map.of(1, ConnectorStatus.Available), points.report()).get(2).component().evse().isPresent(),
        "the EVSEs follow the station's own variables");
  }
}
