package dev.kilowatt.examples;

import com.pi4j.context.Context;
import dagger.Module;
import dagger.Provides;
import dev.kilowatt.core.ChargePointIdentity;
import dev.kilowatt.core.ConnectorHardware;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.pi4j.BoardDescription;
import dev.kilowatt.pi4j.RaspberryPiBoard;
import dev.kilowatt.serial.EastronSdmMeter;
import dev.kilowatt.serial.SdmModel;
import dev.kilowatt.serial.SerialDeviceConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Raspberry Pi charger board: contactor, control pilot and MFRC522 card reader through Pi4J as the board
 * description file says, and an Eastron SDM120 on RS-485 ({@code --meter-port}) or the board's S0 input.
 */
@Module
interface RaspberryPiModule {

  String BOARD = "--board";
  String METER_PORT = "--meter-port";
  String MAX_CURRENT = "--max-current";
  List<BoardOptions.Device> OPTIONS = List.of(
      new BoardOptions.Device(BOARD, "FILE", true, "board description (see hardware-pi4j's raspberry-pi-board.properties)"),
      new BoardOptions.Device(METER_PORT, "PATH", false, "RS-485 adapter of an Eastron SDM120; without it the board's S0 input is the meter"),
      new BoardOptions.Device(MAX_CURRENT, "A", false, "the most current the installation allows per phase (default 16)"));

  @Provides
  static ChargePointIdentity identity() {
    return ChargePointIdentity.of("Kilowatt", "RaspberryPi");
  }

  @Provides
  @Singleton
  static BoardHardware hardware(Context pi4j, BoardOptions options, Scheduler scheduler, Storage storage) {
    Path file = Path.of(options.device(BOARD).orElseThrow(() -> new IllegalArgumentException(BOARD + " FILE is required")));
    double maxCurrent = options.amperes(MAX_CURRENT, 16);
    BoardDescription description;
    try {
      description = BoardDescription.load(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the board description " + file, e);
    }
    RaspberryPiBoard board = RaspberryPiBoard.create(pi4j, description, scheduler, storage);
    List<AutoCloseable> resources = new ArrayList<>();
    resources.add(pi4j::shutdown);
    EnergyMeter meter = options.device(METER_PORT).<EnergyMeter>map(port -> {
      EastronSdmMeter sdm = new EastronSdmMeter(SdmModel.SDM120, SerialDeviceConfig.of(port, 2400));
      resources.add(sdm);
      return sdm;
    }).or(board::energyMeter).orElseThrow(() -> new IllegalArgumentException(
        "no energy meter: give " + METER_PORT + " or an S0 section in " + file));
    // A lock section in the board file makes the connector a socket outlet; without one it has a fixed cable.
    ConnectorHardware connector = board.connectorLock()
        .map(lock -> ConnectorHardware.socket(board.relay(), board.pilot(), meter, maxCurrent, 1, lock))
        .orElseGet(() -> ConnectorHardware.singlePhaseFixedCable(board.relay(), board.pilot(), meter, maxCurrent));
    return new BoardHardware(connector, board.rfidReader(), board.indicator(), resources);
  }
}
