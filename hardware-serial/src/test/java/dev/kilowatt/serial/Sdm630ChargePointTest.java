package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.SampledValue;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.sim.SimulatedConnector;
import dev.kilowatt.sim.SimulatedRfidReader;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.ScriptedCentralSystem;
import dev.kilowatt.test.TestLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SDM630 path end to end: a fake SDM630 on a pseudo-terminal, read by {@link EastronSdmMeter} on its own thread,
 * is the meter of a three-phase charge point, and what the central system receives in a transaction carries each
 * phase's current, voltage and power as the meter's registers hold them. The relay, pilot and EV are simulated.
 */
class Sdm630ChargePointTest extends PtyTest {

  private static final String CARD = "SDM630-CARD";
  /** The transaction id the scripted central system gives first. */
  private static final int FIRST_TRANSACTION_ID = 100;
  private static final float[] VOLTS = {230.1f, 231.2f, 229.9f};
  private static final float[] AMPS = {15.9f, 16.0f, 15.8f};
  private static final float[] WATTS = {3658.6f, 3699.2f, 3632.4f};

  private final TestLoop loop = new TestLoop(Instant.parse("2026-12-01T08:00:00Z"));
  private final ScriptedCentralSystem centralSystem = new ScriptedCentralSystem(loop::now);

  /** An SDM630 at unit 1 whose import register holds {@code kWh}, each phase as {@link #VOLTS}, {@link #AMPS}, {@link #WATTS} say. */
  private FakeModbusSlave sdm630(float kWh) {
    FakeModbusSlave fake = new FakeModbusSlave(pty.deviceEnd(), 1);
    for (int address = 0; address < 0x0050; address++) {
      fake.inputRegisters.put(address, 0);
    }
    for (int p = 0; p < 3; p++) {
      fake.setFloat(EastronSdmMeter.VOLTAGES + 2 * p, VOLTS[p]);
      fake.setFloat(EastronSdmMeter.CURRENTS + 2 * p, AMPS[p]);
      fake.setFloat(EastronSdmMeter.POWERS + 2 * p, WATTS[p]);
    }
    fake.setFloat(EastronSdmMeter.IMPORT_ENERGY, kWh);
    fake.open();
    return closeAfter(fake);
  }

  @Test
  void theCentralSystemReceivesEachPhaseOfTheSdm630InSampledAndTransactionEndValues() {
    FakeModbusSlave meter = sdm630(1234.5f);
    EastronSdmMeter sdm = closeAfter(new EastronSdmMeter(SdmModel.SDM630, config(9600)));
    SimulatedConnector board = closeAfter(new SimulatedConnector(loop, SimulatedConnector.Settings.defaults().withPhases(3)));
    SimulatedRfidReader reader = new SimulatedRfidReader();
    ChargePoint chargePoint = ChargePoint.builder(loop, new InMemoryStorage(), centralSystem, reboot -> {
          throw new AssertionError("nothing reboots here");
        })
        .storageWriter(Runnable::run)
        .connector(new ConnectorHardware(board.relay(), board.pilot(), sdm, 16, 3, true))
        .rfidReader(reader)
        .configuration("MeterValueSampleInterval", "60")
        .configuration("MeterValuesSampledData", "Current.Import,Voltage,Power.Active.Import")
        .configuration("StopTxnSampledData", "Current.Import")
        .build();
    chargePoint.start();
    loop.runPending();
    centralSystem.goOnline();
    // the third request starts the second poll, so the first poll's reading has been handed on
    loop.awaitUntil("the first reading", Duration.ofMillis(100), () -> meter.requests.size() >= 3);

    reader.present(CARD);
    board.ev().plug();
    board.ev().requestEnergy();
    loop.awaitUntil("the StartTransaction", Duration.ofSeconds(1), () -> !centralSystem.sent(StartTransactionRequest.class).isEmpty());
    assertEquals(1_234_500, centralSystem.sent(StartTransactionRequest.class).getFirst().meterStart(), "the SDM630's import register, in Wh");
    loop.awaitUntil("a sample of the transaction", Duration.ofSeconds(1), () -> !centralSystem.sent(MeterValuesRequest.class).isEmpty());

    MeterValuesRequest sample = centralSystem.sent(MeterValuesRequest.class).getFirst();
    assertEquals(1, sample.connectorId());
    assertEquals(Optional.of(FIRST_TRANSACTION_ID), sample.transactionId(), "tied to the transaction");
    assertEquals(List.of(
        "Current.Import L1=15.90", "Current.Import L2=16.00", "Current.Import L3=15.80",
        "Voltage L1-N=230.1", "Voltage L2-N=231.2", "Voltage L3-N=229.9",
        "Power.Active.Import=10990.2", "Power.Active.Import L1=3658.6", "Power.Active.Import L2=3699.2", "Power.Active.Import L3=3632.4"),
        labelled(sample.meterValue().getFirst().sampledValue()));

    meter.setFloat(EastronSdmMeter.IMPORT_ENERGY, 1245.5f);
    meter.setFloat(EastronSdmMeter.CURRENTS + 4, 14.2f);
    // six requests on, at least one whole poll has read the new values and been handed on
    int requests = meter.requests.size();
    loop.awaitUntil("polls of the new values", Duration.ofMillis(100), () -> meter.requests.size() >= requests + 6);
    reader.present(CARD);
    loop.runPending();

    StopTransactionRequest stop = centralSystem.sent(StopTransactionRequest.class).getFirst();
    assertEquals(1_245_500, stop.meterStop());
    assertEquals(List.of("Current.Import L1=15.90", "Current.Import L2=16.00", "Current.Import L3=14.20"),
        labelled(stop.transactionData().getLast().sampledValue()));
    chargePoint.stop();
    loop.runPending();
  }

  private static List<String> labelled(List<SampledValue> values) {
    return values.stream().map(v -> v.measurand().orElseThrow().ocppValue() + v.phase().map(p -> " " + p.ocppValue()).orElse("")
        + "=" + v.value()).toList();
  }
}
