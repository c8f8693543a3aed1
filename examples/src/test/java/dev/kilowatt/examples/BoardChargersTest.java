package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.ocpp.TrafficListener;
import dev.kilowatt.pi4j.RaspberryPiBoard;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/**
 * The board chargers' Dagger components wire real adapters to the charge point: on Pi4J's mock platform,
 * and with serial devices that are not there. Both boot, and report what their hardware lacks as faults.
 */
class BoardChargersTest extends CentralSystemFixture {

  private static final Platform NO_REBOOT = kind -> {
    throw new AssertionError("no reboot expected");
  };

  private final List<BoardChargerComponents.BoardCharger> chargers = new ArrayList<>();

  @AfterEach
  void stopChargers() throws Exception {
    for (BoardChargerComponents.BoardCharger charger : chargers) {
      charger.chargePoint().stop().get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      for (AutoCloseable resource : charger.hardware().resources()) {
        resource.close();
      }
    }
  }

  private BoardOptions options(List<BoardOptions.Device> devices, String... boardArgs) {
    return BoardOptions.parse(devices, commandLine("KW-BOARD-1", boardArgs));
  }

  /** The board description hardware-pi4j ships as its documented sample, copied where a test may add to it. */
  private Path sampleBoard() throws java.io.IOException {
    Path board = dataDirectory.resolve("board.properties");
    try (var sample = RaspberryPiBoard.class.getResourceAsStream("raspberry-pi-board.properties")) {
      java.nio.file.Files.copy(sample, board);
    }
    return board;
  }

  /** The Raspberry Pi charger for {@code board} on Pi4J's mock platform. */
  private BoardChargerComponents.BoardCharger raspberryPi(Path board) {
    Context pi4j = Pi4J.newContextBuilder().add(new MockPlatform())
        .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(), MockPwmProvider.newInstance(),
            MockSpiProvider.newInstance())
        .build();
    var charger = DaggerBoardChargerComponents_RaspberryPi.factory()
        .create(options(RaspberryPiModule.OPTIONS, "--board", board.toString()), pi4j, NO_REBOOT, TrafficListener.NONE);
    chargers.add(charger);
    return charger;
  }

  @Test
  void raspberryPiBoardBootsOnThePi4jMockPlatform() throws Exception {
    var charger = raspberryPi(sampleBoard());
    charger.chargePoint().start();

    BootNotificationRequest boot = centralSystem.next(BootNotificationRequest.class);
    assertEquals("RaspberryPi", boot.getChargePointModel());
    StatusNotificationRequest station = centralSystem.seen(StatusNotificationRequest.class,
        s -> s.getConnectorId() == 0 && s.getErrorCode() == ChargePointErrorCode.ReaderFailure);
    assertEquals(0, station.getConnectorId(), "the mock SPI has no MFRC522 behind it: reported, not fatal");
    centralSystem.seen(StatusNotificationRequest.class, s -> s.getConnectorId() == 1);
  }

  @Test
  void aLockSectionInTheBoardFileMakesThePiConnectorASocketOutlet() throws Exception {
    Path board = sampleBoard();
    java.nio.file.Files.writeString(board, "\nlock.pin=5\nlock.unlock-pin=6\nlock.feedback.pin=26\nindicator.pin=16\n",
        java.nio.file.StandardOpenOption.APPEND);
    var charger = raspberryPi(board);
    assertTrue(charger.hardware().connector().lock().isPresent());
    assertEquals(false, charger.hardware().connector().fixedCable());
    assertTrue(charger.hardware().indicator().isPresent());
  }

  @Test
  void anSdm630MakesTheSerialBoardsConnectorThreePhase() {
    Path nowhere = dataDirectory.resolve("no-such-tty");
    var charger = DaggerBoardChargerComponents_SerialBoard.factory().create(
        options(SerialBoardModule.OPTIONS, "--evse-port", nowhere + "0", "--meter-port", nowhere + "1", "--meter-model", "sdm630"), NO_REBOOT,
        TrafficListener.NONE);
    chargers.add(charger);
    assertEquals(3, charger.hardware().connector().phases());
  }

  @Test
  void serialBoardBootsAndReportsItsMissingDevicesAsFaults() {
    Path nowhere = dataDirectory.resolve("no-such-tty");
    var charger = DaggerBoardChargerComponents_SerialBoard.factory().create(
        options(SerialBoardModule.OPTIONS, "--evse-port", nowhere + "0", "--meter-port", nowhere + "1", "--rfid-port", nowhere + "2"), NO_REBOOT, TrafficListener.NONE);
    chargers.add(charger);
    charger.chargePoint().start();

    assertEquals("SerialBoard", centralSystem.next(BootNotificationRequest.class).getChargePointModel());
    StatusNotificationRequest connector = centralSystem.seen(StatusNotificationRequest.class,
        s -> s.getConnectorId() == 1 && s.getErrorCode() != ChargePointErrorCode.NoError);
    assertTrue(Set.of(ChargePointErrorCode.EVCommunicationError, ChargePointErrorCode.PowerMeterFailure).contains(connector.getErrorCode()),
        connector.toString());
  }

  @Test
  void boardOptionsNameWhatIsMissing() {
    ParameterException missing = assertThrows(ParameterException.class,
        () -> BoardOptions.parse(RaspberryPiModule.OPTIONS, "--csms", "ws://127.0.0.1:1", "--id", "X", "--board", "b.properties"));
    assertEquals("Missing required option: '--data-dir=DIR'", missing.getMessage());
    ParameterException noBoard = assertThrows(ParameterException.class,
        () -> BoardOptions.parse(RaspberryPiModule.OPTIONS, "--csms", "ws://127.0.0.1:1", "--id", "X", "--data-dir", "/tmp/x"));
    assertEquals("Missing required option: '--board=FILE'", noBoard.getMessage());
    ParameterException unknown = assertThrows(ParameterException.class,
        () -> BoardOptions.parse(RaspberryPiModule.OPTIONS, "--evse-port", "/dev/ttyUSB0"));
    assertTrue(unknown.getMessage().startsWith("Unknown options: '--evse-port'"), unknown.getMessage());
  }
}
