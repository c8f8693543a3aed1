package dev.kilowatt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.MeterReading.PhaseReading;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EastronSdmMeterTest {

  /** Decoding the register words, without a line. */
  @Nested
  class Decoding {

    @Test
    void singlePhaseValuesAreExactDecimals() throws DeviceException {
      int[] block = new int[EastronSdmMeter.phaseBlockLength(SdmModel.SDM120)];
      put(block, 0x0000, 230.1f);
      put(block, 0x0006, 15.5f);
      put(block, 0x000C, 3566.5f);
      int[] energy = new int[2];
      put(energy, 0, 1234.567f);

      MeterReading reading = EastronSdmMeter.decode(SdmModel.SDM120, block, energy);

      assertEquals(MeterReading.singlePhase(1234567, 3566.5, 230.1, 15.5), reading);
    }

    @Test
    void threePhaseReadingsGiveEachPhaseItsPowerAndTheirSumAsTheTotal() throws DeviceException {
      int[] block = new int[EastronSdmMeter.phaseBlockLength(SdmModel.SDM630)];
      float[] volts = {230.1f, 231.2f, 229.9f};
      float[] amps = {10.1f, 10.2f, 10.3f};
      float[] watts = {2300.1f, 2301.2f, 2302.3f};
      for (int p = 0; p < 3; p++) {
        put(block, 2 * p, volts[p]);
        put(block, 6 + 2 * p, amps[p]);
        put(block, 12 + 2 * p, watts[p]);
      }
      int[] energy = new int[2];
      put(energy, 0, 0.5f);

      MeterReading reading = EastronSdmMeter.decode(SdmModel.SDM630, block, energy);

      assertEquals(500, reading.energyImportWh());
      assertEquals(6903.6, reading.powerImportW(), 1e-9);
      assertEquals(
          List.of(new PhaseReading(1, 230.1, 10.1, Optional.of(2300.1)), new PhaseReading(2, 231.2, 10.2, Optional.of(2301.2)),
              new PhaseReading(3, 229.9, 10.3, Optional.of(2302.3))),
          reading.phases());
    }

    @Test
    void notANumberIsABadValue() {
      int[] block = new int[EastronSdmMeter.phaseBlockLength(SdmModel.SDM120)];
      put(block, 0x0006, Float.NaN);

      DeviceException e = assertThrows(
          DeviceException.class, () -> EastronSdmMeter.decode(SdmModel.SDM120, block, new int[2]));
      assertEquals(DeviceException.BAD_VALUE, e.vendorCode());
    }

    @Test
    void negativeEnergyIsABadValue() {
      int[] energy = new int[2];
      put(energy, 0, -1f);

      DeviceException e = assertThrows(
          DeviceException.class,
          () -> EastronSdmMeter.decode(SdmModel.SDM120, new int[EastronSdmMeter.phaseBlockLength(SdmModel.SDM120)], energy));
      assertEquals(DeviceException.BAD_VALUE, e.vendorCode());
    }

    private static void put(int[] registers, int index, float value) {
      int bits = Float.floatToIntBits(value);
      registers[index] = bits >>> 16;
      registers[index + 1] = bits & 0xFFFF;
    }
  }

  /** The meter on a pseudo-terminal against a fake SDM. */
  @Nested
  class OnTheLine extends PtyTest {

    private FakeModbusSlave meter;

    private FakeModbusSlave fakeMeter(int unit) {
      FakeModbusSlave fake = new FakeModbusSlave(pty.deviceEnd(), unit);
      for (int address = 0; address < 0x0050; address++) {
        fake.inputRegisters.put(address, 0);
      }
      fake.setFloat(0x0000, 230.1f);
      fake.setFloat(0x0006, 15.5f);
      fake.setFloat(0x000C, 3566.5f);
      fake.setFloat(0x0048, 1234.567f);
      fake.open();
      return closeAfter(fake);
    }

    private EastronSdmMeter start(SdmModel model, SerialDeviceConfig config) {
      EastronSdmMeter adapter = closeAfter(new EastronSdmMeter(model, config));
      adapter.start(listener);
      return adapter;
    }

    /** An SDM120 adapter on a fake meter at unit 1, started, with its first reading in. */
    private EastronSdmMeter readingSdm120() {
      meter = fakeMeter(1);
      EastronSdmMeter adapter = start(SdmModel.SDM120, config(2400));
      awaitReadings(1);
      return adapter;
    }

    private void awaitReadings(int count) {
      Await.until(() -> listener.readings().size() >= count, count + " readings");
    }

    @Test
    void readsAnSdm120InTwoRequestsPerPoll() {
      meter = fakeMeter(1);
      start(SdmModel.SDM120, config(2400));

      awaitReadings(3);

      assertEquals(MeterReading.singlePhase(1234567, 3566.5, 230.1, 15.5), listener.readings().get(0));
      List<FakeModbusSlave.Request> requests = meter.requests;
      assertTrue(requests.stream().allMatch(r -> r.function() == 0x04), "input registers only");
      assertEquals(new FakeModbusSlave.Request(0x04, 0x0000, 14, List.of()), requests.get(0));
      assertEquals(new FakeModbusSlave.Request(0x04, 0x0048, 2, List.of()), requests.get(1));
      assertEquals(requests.get(0), requests.get(2));
    }

    @Test
    void readsAnSdm630PerPhaseOnItsUnitId() {
      meter = fakeMeter(7);
      meter.setFloat(0x0002, 231.2f);
      meter.setFloat(0x0004, 229.9f);
      meter.setFloat(0x0008, 10.2f);
      meter.setFloat(0x000A, 10.3f);
      meter.setFloat(0x000E, 2301.5f);
      meter.setFloat(0x0010, 2302.5f);
      start(SdmModel.SDM630, config(9600).withUnitId(7));

      awaitReadings(1);

      MeterReading reading = listener.readings().get(0);
      assertEquals(1234567, reading.energyImportWh());
      assertEquals(3566.5 + 2301.5 + 2302.5, reading.powerImportW(), 1e-9);
      assertEquals(3, reading.phases().size());
      assertEquals(new PhaseReading(3, 229.9, 10.3, Optional.of(2302.5)), reading.phases().get(2));
      assertEquals(18, meter.requests.get(0).count());
    }

    @Test
    void followsChangingValues() {
      meter = fakeMeter(1);
      start(SdmModel.SDM230, config(2400));
      awaitReadings(1);

      meter.setFloat(0x0048, 1235.0f);

      Await.until(() -> listener.readings().getLast().energyImportWh() == 1235000, "the new energy register");
    }

    @Test
    void persistentCrcErrorsAreAPowerMeterFailureUntilTheLineIsClean() {
      EastronSdmMeter adapter = readingSdm120();

      meter.behaviour = FakeModbusSlave.Behaviour.BAD_CRC;
      Await.until(() -> listener.hasFault(EastronSdmMeter.FAULT_SOURCE), "a meter fault");

      assertEquals(
          new HardwareFault("meter", ConnectorFault.POWER_METER_FAILURE, "CRC", "CRC error in response"),
          listener.faults().get(0));
      assertTrue(adapter.loop().failedExchanges() >= DeviceLoop.FAILURES_BEFORE_FAULT);
      assertRecovers();
    }

    @Test
    void aSilentMeterIsATimeout() {
      readingSdm120();

      meter.behaviour = FakeModbusSlave.Behaviour.SILENT;
      Await.until(() -> listener.hasFault("meter"), "a meter fault");

      assertEquals("TIMEOUT", listener.faults().get(0).vendorErrorCode());
      assertRecovers();
    }

    @Test
    void anExceptionResponseCarriesItsCode() {
      readingSdm120();

      meter.exceptionCode = 0x04;
      Await.until(() -> listener.hasFault("meter"), "a meter fault");

      assertEquals("MODBUS_04", listener.faults().get(0).vendorErrorCode());
      meter.exceptionCode = 0;
      assertRecovers();
    }

    @Test
    void aMissingRegisterIsIllegalDataAddress() {
      meter = fakeMeter(1);
      meter.inputRegisters.remove(0x0049);
      start(SdmModel.SDM120, config(2400));

      Await.until(() -> listener.hasFault("meter"), "a meter fault");

      assertEquals("MODBUS_02", listener.faults().get(0).vendorErrorCode());
      assertTrue(listener.readings().isEmpty());
    }

    @Test
    void valuesThatAreNotNumbersAreReportedAsBadValues() {
      meter = fakeMeter(1);
      meter.setFloat(0x0048, Float.NaN);
      start(SdmModel.SDM120, config(2400));

      Await.until(() -> listener.hasFault("meter"), "a meter fault");

      assertEquals("BAD_VALUE", listener.faults().get(0).vendorErrorCode());
    }

    @Test
    void noiseOnTheLineCostsAtMostAPollAndNoFault() {
      EastronSdmMeter adapter = readingSdm120();

      meter.behaviour = FakeModbusSlave.Behaviour.NOISE_FIRST;
      Await.until(() -> adapter.loop().failedExchanges() >= 1, "a poll spoilt by noise");
      meter.behaviour = FakeModbusSlave.Behaviour.NORMAL;
      for (int i = 0; i < 20; i++) {
        meter.send(FakeModbusSlave.NOISE);
      }
      int before = listener.readings().size();

      awaitReadings(before + 3);
      assertTrue(listener.faults().isEmpty(), "no fault for a spoilt poll: " + listener.faults());
    }

    @Test
    void anUnpluggedLineIsAFaultAndReplugRecoversWithoutRestart() throws Exception {
      readingSdm120();

      unplugUntilFault(meter, "meter");

      HardwareFault fault = listener.faults().get(0);
      assertEquals(ConnectorFault.POWER_METER_FAILURE, fault.fault());
      assertTrue(Set.of("TIMEOUT", "PORT").contains(fault.vendorErrorCode()), fault.toString());
      assertRecovers();
    }

    @Test
    void aMeterThatIsNotThereYetIsAFaultUntilItAppears() throws Exception {
      pty.unplug();
      start(SdmModel.SDM120, config(2400));
      Await.until(() -> listener.hasFault("meter"), "a meter fault");
      assertEquals("PORT", listener.faults().get(0).vendorErrorCode());

      pty.plugIn();
      meter = fakeMeter(1);

      assertRecovers();
    }

    /** The fault is cleared and readings come again. */
    private void assertRecovers() {
      meter.behaviour = FakeModbusSlave.Behaviour.NORMAL;
      int cleared = listener.awaitCleared("meter");
      Await.until(
          () -> listener.since(cleared).stream().anyMatch(MeterReading.class::isInstance),
          "a reading after the fault cleared");
    }
  }
}
