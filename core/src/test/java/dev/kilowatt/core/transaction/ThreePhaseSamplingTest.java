package dev.kilowatt.core.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.SampledValue;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.MeterReading.PhaseReading;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Per-phase measurands of a three-phase meter, labelled with the grid phases ConnectorPhaseRotation names. */
class ThreePhaseSamplingTest {

  private static final String MEASURANDS = "Current.Import,Voltage,Power.Active.Import";

  /** An 11 kW draw, a little uneven, with the power measured on each phase as an SDM630 does. */
  private static final MeterReading THREE_PHASE = new MeterReading(10_000, 10_878.7, List.of(
      new PhaseReading(1, 230.0, 16.0, Optional.of(3_680.0)),
      new PhaseReading(2, 231.0, 15.5, Optional.of(3_580.5)),
      new PhaseReading(3, 229.0, 15.8, Optional.of(3_618.2))));

  private static Harness charging(String rotation, String... extraConfig) {
    Harness h = new Harness().configure("MeterValueSampleInterval", "60").configure("MeterValuesSampledData", MEASURANDS)
        .configure("ConnectorPhaseRotation", rotation);
    for (int i = 0; i < extraConfig.length; i += 2) {
      h.configure(extraConfig[i], extraConfig[i + 1]);
    }
    h.online();
    h.startCharging();
    h.meter().listener.onReading(THREE_PHASE);
    h.run();
    return h;
  }

  private static List<String> labelled(List<SampledValue> values) {
    return values.stream().map(v -> v.measurand().orElseThrow().ocppValue() + v.phase().map(p -> " " + p.ocppValue()).orElse("")
        + "=" + v.value()).toList();
  }

  /** The first periodic sample of a transaction charging under {@code rotation}, labelled. */
  private static List<String> sampledAfterAMinute(String rotation) {
    Harness h = charging(rotation);
    h.advance(Duration.ofSeconds(60));
    return labelled(h.cs.sent(MeterValuesRequest.class).get(0).meterValue().get(0).sampledValue());
  }

  @Test
  void sampledValuesCarryEachPhaseWithItsOwnPhaseField() {
    assertEquals(List.of(
        "Current.Import L1=16.00", "Current.Import L2=15.50", "Current.Import L3=15.80",
        "Voltage L1-N=230.0", "Voltage L2-N=231.0", "Voltage L3-N=229.0",
        "Power.Active.Import=10878.7", "Power.Active.Import L1=3680.0", "Power.Active.Import L2=3580.5", "Power.Active.Import L3=3618.2"),
        sampledAfterAMinute("0.Unknown,1.RST"));
  }

  @Test
  void theRotationLabelsTheMetersPhasesWithTheGridPhasesWiredToThem() {
    // STR: the meter's first phase is the grid's S (L2), its second T (L3), its third R (L1).
    assertEquals(List.of(
        "Current.Import L2=16.00", "Current.Import L3=15.50", "Current.Import L1=15.80",
        "Voltage L2-N=230.0", "Voltage L3-N=231.0", "Voltage L1-N=229.0",
        "Power.Active.Import=10878.7", "Power.Active.Import L2=3680.0", "Power.Active.Import L3=3580.5", "Power.Active.Import L1=3618.2"),
        sampledAfterAMinute("1.STR"));
  }

  @Test
  void clockAlignedValuesAreSplitByPhaseToo() {
    Harness h = charging("1.RTS", "ClockAlignedDataInterval", "900", "MeterValuesAlignedData", "Current.Import");
    h.advance(Duration.ofSeconds(900));
    MeterValuesRequest aligned = h.cs.sent(MeterValuesRequest.class).stream()
        .filter(m -> m.meterValue().get(0).sampledValue().get(0).context().equals(Optional.of(ReadingContext.SAMPLE_CLOCK)))
        .findFirst().orElseThrow();
    assertEquals(List.of("Current.Import L1=16.00", "Current.Import L3=15.50", "Current.Import L2=15.80"),
        labelled(aligned.meterValue().get(0).sampledValue()));
  }

  @Test
  void transactionDataKeepsThePhasesOfTheStopSamples() {
    Harness h = charging("1.RST", "StopTxnSampledData", "Voltage");
    h.stopCharging();
    StopTransactionRequest stop = h.cs.sent(StopTransactionRequest.class).get(0);
    List<SampledValue> end = stop.transactionData().getLast().sampledValue();
    assertEquals(List.of("Voltage L1-N=230.0", "Voltage L2-N=231.0", "Voltage L3-N=229.0"), labelled(end));
    assertEquals(Optional.of(ReadingContext.TRANSACTION_END), end.get(0).context());
  }

  @Test
  void aSinglePhaseConnectorOnTheGridsSecondPhaseReportsL2() {
    Harness h = new Harness().configure("MeterValueSampleInterval", "60").configure("MeterValuesSampledData", "Current.Import,Voltage")
        .configure("ConnectorPhaseRotation", "1.SRT").online();
    h.ev(PilotState.C);
    h.card("CARD");
    h.meter().read(500, 2_300);
    h.advance(Duration.ofSeconds(60));
    List<SampledValue> sampled = h.cs.sent(MeterValuesRequest.class).get(0).meterValue().get(0).sampledValue();
    assertEquals(List.of("Current.Import L2=10.00", "Voltage L2-N=230.0"), labelled(sampled));
  }
}
