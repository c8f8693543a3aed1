package dev.kilowatt.serial;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An "EVSE DIN" / SimpleEVSE board on Modbus RTU (9600 8N1, unit 1 by default), which generates the pilot and
 * switches the contactor itself.
 *
 * <p>As a {@link ControlPilot}: {@link #offer} writes the current in whole amperes (rounded down) to register
 * 1000 with function 0x10; {@link #stopOffering} writes 0, and so does {@link #disable}, because the board has
 * no way to signal state F over Modbus: 0 is the closest it offers (steady +12 V, charging disabled). The board
 * is polled (holding registers 1000–1007) and its vehicle state, register 1002, is reported as a
 * {@link PilotState}: 1 → A, 2 → B, 3 → C, 4 → D. State 5 (a failure such as a failed diode check or a tripped
 * residual-current device) is reported as a fault from source {@value #FAULT_SOURCE}: {@code GroundFailure} with
 * vendor code {@code RCD} when the RCD status register 1007 (newer firmware) is non-zero, otherwise
 * {@code EVCommunicationError} with {@code VEHICLE_STATE_5}; it is cleared when the board leaves state 5. Any
 * other value is a bad answer. The register is written again whenever it differs from what was last asked, so
 * a board that restarted gets its setpoint back.
 *
 * <p>Firmware 18 and later can be set to 0.01 A resolution in register 1000; this adapter writes whole amperes
 * and expects the board in its default ampere mode.
 *
 * <p>Bus failures (three in a row) are reported as {@code EVCommunicationError} from source
 * {@value #LINK_FAULT_SOURCE} with vendor code {@code TIMEOUT}, {@code CRC}, {@code MODBUS_xx}, {@code PORT} or
 * {@code BAD_VALUE}, and cleared when the board answers again.
 *
 * <p>{@link #relay()} is the matching relay port, whose commands are ignored: the board switches its own relay.
 */
public final class EvseDinController extends SelfSwitchingBoard {

  /** The source of faults the board reports (vehicle state 5). */
  public static final String FAULT_SOURCE = "evse";
  /** The source of faults in talking to the board. */
  public static final String LINK_FAULT_SOURCE = "evse-link";

  static final int CONFIGURED_CURRENT = 1000;
  static final int VEHICLE_STATE = 1002;
  static final int RCD_STATUS = 1007;
  /** evcc waits this long between requests to these boards; we follow its field experience. */
  static final Duration REQUEST_GAP = Duration.ofMillis(200);

  private static final Logger log = LoggerFactory.getLogger(EvseDinController.class);
  private static final String ILLEGAL_DATA_ADDRESS = "MODBUS_02";

  private final ModbusLink link;
  private final Poller poller;

  /**
   * A board reached through {@code config}; nothing happens until {@link #start}.
   *
   * @param config the serial port, line settings and Modbus unit id
   */
  public EvseDinController(SerialDeviceConfig config) {
    super("EVSE DIN board");
    Objects.requireNonNull(config, "config");
    this.link = new ModbusLink(config, REQUEST_GAP);
    this.poller = new Poller(config);
  }

  @Override
  DeviceLoop<ControlPilot.Listener> loop() {
    return poller;
  }

  private final class Poller extends DeviceLoop<ControlPilot.Listener> {

    private boolean rcdRegister;
    private PilotState reported;
    private String boardFault;

    Poller(SerialDeviceConfig config) {
      super("evse-din", config, LINK_FAULT_SOURCE, ConnectorFault.EV_COMMUNICATION_ERROR);
    }

    @Override
    void connect() throws DeviceException {
      link.open();
      rcdRegister = true;
    }

    @Override
    void exchange() throws DeviceException {
      int[] registers = readStatus();
      PilotDemand wanted = demand;
      if (wanted != null) {
        int amperes = wanted instanceof PilotDemand.Offer offer ? offer.amperes() : 0;
        if (registers[0] != amperes) {
          log.debug("setting the current from {} A to {} A", registers[0], amperes);
          link.writeRegister(CONFIGURED_CURRENT, amperes);
        }
      }
      OptionalInt rcd = rcdRegister ? OptionalInt.of(registers[RCD_STATUS - CONFIGURED_CURRENT]) : OptionalInt.empty();
      vehicleState(registers[VEHICLE_STATE - CONFIGURED_CURRENT], rcd);
    }

    @Override
    void disconnect() {
      link.close();
    }

    /** Registers 1000..1007, or ..1006 on firmware without the RCD status register. */
    private int[] readStatus() throws DeviceException {
      if (rcdRegister) {
        try {
          return link.readHoldingRegisters(CONFIGURED_CURRENT, RCD_STATUS - CONFIGURED_CURRENT + 1);
        } catch (DeviceException e) {
          if (!e.vendorCode().equals(ILLEGAL_DATA_ADDRESS)) {
            throw e;
          }
          log.info("the board has no RCD status register {} (older firmware)", RCD_STATUS);
          rcdRegister = false;
        }
      }
      return link.readHoldingRegisters(CONFIGURED_CURRENT, RCD_STATUS - CONFIGURED_CURRENT);
    }

    private void vehicleState(int state, OptionalInt rcd) throws DeviceException {
      switch (state) {
        case 1, 2, 3, 4 -> {
          if (boardFault != null) {
            boardFault = null;
            notifyListener(l -> l.onFaultCleared(FAULT_SOURCE));
          }
          PilotState pilot = PilotState.values()[state - 1];
          if (pilot != reported) {
            reported = pilot;
            notifyListener(l -> l.onStateChanged(pilot));
          }
        }
        case 5 -> failure(rcd.isPresent() && rcd.getAsInt() != 0);
        default -> throw new DeviceException(
            DeviceException.BAD_VALUE, "vehicle state register " + VEHICLE_STATE + " = " + state, false);
      }
    }

    private void failure(boolean residualCurrent) {
      HardwareFault fault = residualCurrent
          ? new HardwareFault(FAULT_SOURCE, ConnectorFault.GROUND_FAILURE, "RCD", "residual current device tripped")
          : new HardwareFault(
              FAULT_SOURCE, ConnectorFault.EV_COMMUNICATION_ERROR, "VEHICLE_STATE_5", "board failure state");
      if (!fault.vendorErrorCode().equals(boardFault)) {
        boardFault = fault.vendorErrorCode();
        // Whatever state follows the failure is news, even if it equals the one before.
        reported = null;
        log.warn("board reports {}", fault);
        notifyListener(l -> l.onFault(fault));
      }
    }
  }
}
