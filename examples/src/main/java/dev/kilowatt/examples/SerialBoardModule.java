package dev.kilowatt.examples;

import dagger.Module;
import dagger.Provides;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.port.RfidReader;
import dev.kilowatt.serial.EastronSdmMeter;
import dev.kilowatt.serial.EvseDinController;
import dev.kilowatt.serial.Pn532HsuReader;
import dev.kilowatt.serial.SdmModel;
import dev.kilowatt.serial.SerialDeviceConfig;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A charger built from serial-bus parts: an EVSE DIN controller that drives the pilot and its own relay
 * (Modbus RTU, {@code --evse-port}), an Eastron meter ({@code --meter-port}, model {@code --meter-model}) and
 * a PN532 card reader in HSU mode ({@code --rfid-port}, optional).
 */
@Module
interface SerialBoardModule {

  String EVSE_PORT = "--evse-port";
  String METER_PORT = "--meter-port";
  String METER_MODEL = "--meter-model";
  String RFID_PORT = "--rfid-port";
  String MAX_CURRENT = "--max-current";
  List<BoardOptions.Device> OPTIONS = List.of(
      new BoardOptions.Device(EVSE_PORT, "PATH", true, "serial port of the EVSE DIN controller (Modbus RTU)"),
      new BoardOptions.Device(METER_PORT, "PATH", true, "serial port of the Eastron meter (Modbus RTU)"),
      new BoardOptions.Device(METER_MODEL, "MODEL", false, "SDM120, SDM230 or SDM630 (default SDM120)"),
      new BoardOptions.Device(RFID_PORT, "PATH", false, "serial port of a PN532 card reader in HSU mode"),
      new BoardOptions.Device(MAX_CURRENT, "A", false, "the most current the installation allows per phase (default 16)"));

  @Provides
  static ChargePointIdentity identity() {
    return ChargePointIdentity.of("Kilowatt", "SerialBoard");
  }

  @Provides
  @Singleton
  static BoardHardware hardware(BoardOptions options) {
    String evsePort = options.device(EVSE_PORT).orElseThrow(() -> new IllegalArgumentException(EVSE_PORT + " PATH is required"));
    String meterPort = options.device(METER_PORT).orElseThrow(() -> new IllegalArgumentException(METER_PORT + " PATH is required"));
    String modelName = options.device(METER_MODEL).orElse("SDM120");
    SdmModel model = Arrays.stream(SdmModel.values()).filter(m -> m.name().equalsIgnoreCase(modelName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(METER_MODEL + " must be one of " + Arrays.toString(SdmModel.values())
            + ", not '" + modelName + "'"));
    double maxCurrent = options.amperes(MAX_CURRENT, 16);
    List<AutoCloseable> resources = new ArrayList<>();
    EvseDinController evse = new EvseDinController(SerialDeviceConfig.of(evsePort, 9600));
    resources.add(evse);
    EastronSdmMeter meter = new EastronSdmMeter(model, SerialDeviceConfig.of(meterPort, model.defaultBaudRate()));
    resources.add(meter);
    Optional<RfidReader> reader = options.device(RFID_PORT).map(port -> {
      Pn532HsuReader pn532 = new Pn532HsuReader(SerialDeviceConfig.of(port, 115_200));
      resources.add(pn532);
      return pn532;
    });
    // An SDM630 makes it a three-phase connector: its per-phase voltage, current and power go into the meter values.
    return new BoardHardware(new ConnectorHardware(evse.relay(), evse, meter, maxCurrent, model.phases(), true), reader, Optional.empty(),
        resources);
  }
}
