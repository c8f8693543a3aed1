package dev.kilowatt.serial;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.MeterReading.PhaseReading;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Eastron SDM120, SDM230 or SDM630 energy meter on RS-485 Modbus RTU.
 *
 * <p>Every poll interval the meter's own thread reads voltage, current and active power of each phase in one
 * request and the import energy register in a second (input registers, function 0x04, IEEE-754 floats), and
 * pushes a {@link MeterReading}: energy in Wh, total power as the sum of the phases, and on the three-phase SDM630
 * each phase's voltage L-N, current and active power (registers 0x0000/2/4, 0x0006/8/A, 0x000C/E/10 in Eastron's
 * map; their 30001, 30007, 30013 numbering is 1-based). Meters ship at 2400 baud
 * (SDM120/SDM230) or 9600 baud (SDM630), 8N1, unit 1; see {@link SdmModel#defaultBaudRate()}.
 *
 * <p>Three failed polls in a row (no answer, CRC errors, exception responses, a vanished port, values that are
 * not numbers) are reported as a {@code PowerMeterFailure} fault from source {@value #FAULT_SOURCE} with the
 * vendor code {@code TIMEOUT}, {@code CRC}, {@code MODBUS_xx} (the exception code), {@code PORT} or
 * {@code BAD_VALUE}; polling goes on with back-off, and the fault is cleared with the next good reading.
 */
public final class EastronSdmMeter extends SerialDevice<EnergyMeter.Listener> implements EnergyMeter {

  /** The source of this meter's faults. */
  public static final String FAULT_SOURCE = "meter";

  /** Per phase, two registers each: voltages, currents, active powers. */
  static final int VOLTAGES = 0x0000;
  static final int CURRENTS = 0x0006;
  static final int POWERS = 0x000C;
  static final int IMPORT_ENERGY = 0x0048;

  private final SdmModel model;
  private final ModbusLink link;
  private final Poller poller;

  /**
   * A meter of {@code model} reached through {@code config}; nothing happens until {@link #start}.
   *
   * @param model which SDM meter it is, for its register map and phases
   * @param config the serial port, line settings and Modbus unit id
   */
  public EastronSdmMeter(SdmModel model, SerialDeviceConfig config) {
    this.model = Objects.requireNonNull(model, "model");
    Objects.requireNonNull(config, "config");
    this.link = new ModbusLink(config, Duration.ZERO);
    this.poller = new Poller(config);
  }

  @Override
  DeviceLoop<EnergyMeter.Listener> loop() {
    return poller;
  }

  /** Decodes the phase block (from {@link #VOLTAGES}) and the import energy register pair. */
  static MeterReading decode(SdmModel model, int[] phaseBlock, int[] importEnergy) throws DeviceException {
    List<PhaseReading> phases = new ArrayList<>(model.phases());
    BigDecimal power = BigDecimal.ZERO;
    for (int phase = 1; phase <= model.phases(); phase++) {
      int offset = 2 * (phase - 1);
      BigDecimal voltage = value(phaseBlock, VOLTAGES + offset, "voltage L" + phase);
      BigDecimal current = value(phaseBlock, CURRENTS + offset, "current L" + phase);
      BigDecimal phasePower = value(phaseBlock, POWERS + offset, "power L" + phase);
      power = power.add(phasePower);
      Optional<Double> ownPower = model.phases() > 1 ? Optional.of(phasePower.doubleValue()) : Optional.empty();
      phases.add(new PhaseReading(phase, voltage.doubleValue(), current.doubleValue(), ownPower));
    }
    BigDecimal energyKwh = value(importEnergy, 0, "import energy");
    if (energyKwh.signum() < 0) {
      throw new DeviceException(DeviceException.BAD_VALUE, "negative import energy " + energyKwh, false);
    }
    return new MeterReading(energyKwh.movePointRight(3).doubleValue(), power.doubleValue(), phases);
  }

  /** Number of registers in the phase block: up to and including the last phase's active power. */
  static int phaseBlockLength(SdmModel model) {
    return POWERS + 2 * model.phases();
  }

  /**
   * The float at {@code index} (high word first), as the shortest decimal that reads back as the same float, so
   * that 230.1 V stays 230.1 rather than 230.1000061.
   */
  private static BigDecimal value(int[] registers, int index, String what) throws DeviceException {
    float f = Float.intBitsToFloat(registers[index] << 16 | registers[index + 1]);
    if (!Float.isFinite(f)) {
      throw new DeviceException(DeviceException.BAD_VALUE, what + " is not a number", false);
    }
    return new BigDecimal(Float.toString(f));
  }

  private final class Poller extends DeviceLoop<EnergyMeter.Listener> {

    Poller(SerialDeviceConfig config) {
      super(model.name(), config, FAULT_SOURCE, ConnectorFault.POWER_METER_FAILURE);
    }

    @Override
    void connect() throws DeviceException {
      link.open();
    }

    @Override
    void exchange() throws DeviceException {
      int[] phaseBlock = link.readInputRegisters(VOLTAGES, phaseBlockLength(model));
      int[] energy = link.readInputRegisters(IMPORT_ENERGY, 2);
      MeterReading reading = decode(model, phaseBlock, energy);
      notifyListener(l -> l.onReading(reading));
    }

    @Override
    void disconnect() {
      link.close();
    }
  }
}
