package dev.kilowatt.serial;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenEVSE controller on its RAPI serial protocol (115200 8N1 in the firmware's default build), which
 * generates the pilot and switches the contactor itself.
 *
 * <p>As a {@link ControlPilot}: {@link #offer} sets the current with {@code SC amps V} (volatile, so that
 * smart-charging changes do not wear the EEPROM) and enables the board with {@code FE} if it sleeps or is
 * disabled; {@link #stopOffering} puts it to sleep ({@code FS}: steady +12 V, relay open) and {@link #disable}
 * disables it ({@code FD}: -12 V). The board is polled with {@code GS} and its unasked {@code $AT} state messages
 * are followed in between. EVSE states 1–4 are pilot states A–D; while sleeping the board still reports the
 * pilot, and disabled reads as F. Fault states are reported from source {@value #FAULT_SOURCE} with vendor code
 * {@code STATE_xx} (the state in hex): 05 diode check and 0C pilot error as {@code EVCommunicationError}; 06 GFCI,
 * 07 no ground and 09 GFI self-test as {@code GroundFailure}; 08 stuck relay and 0E relay closure as
 * {@code PowerSwitchFailure}; 0A as {@code HighTemperature}; 0B as {@code OverCurrentFailure}; 0D (temperature
 * sensor) as {@code InternalError}. They are cleared when the board leaves the fault state. A restart of the
 * board ({@code $AB}) makes the adapter set the current again.
 *
 * <p>Failures to talk to the board (three in a row) are reported as {@code EVCommunicationError} from source
 * {@value #LINK_FAULT_SOURCE} with vendor code {@code TIMEOUT}, {@code CHECKSUM}, {@code REJECTED},
 * {@code BAD_FRAME} or {@code PORT}, and cleared when it answers again.
 *
 * <p>{@link #relay()} is the matching relay port, whose commands are ignored: the board switches its own relay.
 */
public final class OpenEvseRapi extends SelfSwitchingBoard {

  /** The source of faults the board reports (its fault states). */
  public static final String FAULT_SOURCE = "evse";
  /** The source of faults in talking to the board. */
  public static final String LINK_FAULT_SOURCE = "evse-link";

  static final int STARTING = 0x00;
  static final int SLEEPING = 0xFE;
  static final int DISABLED = 0xFF;

  private static final Logger log = LoggerFactory.getLogger(OpenEvseRapi.class);
  /**
   * Listening for unasked messages is cut in slices this long so that a new command is not kept waiting; the
   * serial read timer cannot do shorter ones.
   */
  private static final long LISTEN_SLICE_NANOS = Duration.ofMillis(100).toNanos();

  private final Worker worker;

  /**
   * A controller reached through {@code config} (its unit id is not used); nothing happens until {@link #start}.
   *
   * @param config the serial port and line settings
   */
  public OpenEvseRapi(SerialDeviceConfig config) {
    super("OpenEVSE");
    this.worker = new Worker(Objects.requireNonNull(config, "config"));
  }

  @Override
  DeviceLoop<ControlPilot.Listener> loop() {
    return worker;
  }

  /** The fault an EVSE fault state stands for, if {@code state} is one. */
  static Optional<HardwareFault> fault(int state) {
    record Mapping(ConnectorFault code, String info) {}
    Mapping mapping = switch (state) {
      case 0x05 -> new Mapping(ConnectorFault.EV_COMMUNICATION_ERROR, "diode check failed");
      case 0x06 -> new Mapping(ConnectorFault.GROUND_FAILURE, "GFCI fault");
      case 0x07 -> new Mapping(ConnectorFault.GROUND_FAILURE, "no ground");
      case 0x08 -> new Mapping(ConnectorFault.POWER_SWITCH_FAILURE, "stuck relay");
      case 0x09 -> new Mapping(ConnectorFault.GROUND_FAILURE, "GFI self-test failed");
      case 0x0A -> new Mapping(ConnectorFault.HIGH_TEMPERATURE, "over temperature");
      case 0x0B -> new Mapping(ConnectorFault.OVER_CURRENT_FAILURE, "over current");
      case 0x0C -> new Mapping(ConnectorFault.EV_COMMUNICATION_ERROR, "pilot self-test error");
      case 0x0D -> new Mapping(ConnectorFault.INTERNAL_ERROR, "temperature sensor fault");
      case 0x0E -> new Mapping(ConnectorFault.POWER_SWITCH_FAILURE, "relay closure fault");
      default -> null;
    };
    return Optional.ofNullable(mapping)
        .map(m -> new HardwareFault(FAULT_SOURCE, m.code(), "STATE_%02X".formatted(state), m.info()));
  }

  private final class Worker extends SerialLinkLoop<ControlPilot.Listener> {

    private final Rapi.Lines lines = new Rapi.Lines(this::discarded);
    private int evseState = STARTING;
    /** The current last set on the board; -1 when it has to be set (again). */
    private int appliedAmperes = -1;
    private PilotState reported;
    private String boardFault;
    private boolean corruptLine;

    Worker(SerialDeviceConfig config) {
      super("openevse", config, LINK_FAULT_SOURCE, ConnectorFault.EV_COMMUNICATION_ERROR);
    }

    @Override
    void setUp() {
      lines.clear();
      appliedAmperes = -1;
    }

    @Override
    void exchange() throws DeviceException {
      Rapi.Message status = send("GS");
      OptionalInt state = hex(status.parameters(), 0);
      if (!status.type().equals("OK") || state.isEmpty()) {
        throw new DeviceException(DeviceException.BAD_FRAME, "unexpected GS reply " + status, false);
      }
      evseState(state.getAsInt(), hex(status.parameters(), 2));
      converge();
      listen(System.nanoTime() + config.pollInterval().toNanos());
    }

    @Override
    Duration idleAfterExchange() {
      return Duration.ZERO;
    }

    /** Brings the board in line with the latest demand; a board in a fault state must leave it by itself first. */
    private void converge() throws DeviceException {
      PilotDemand wanted = demand;
      if (wanted == null || evseState == STARTING || fault(evseState).isPresent()) {
        return;
      }
      switch (wanted) {
        case PilotDemand.Offer offer -> {
          if (appliedAmperes != offer.amperes()) {
            // Recorded before sending: a restart announced while we wait for the reply resets it, so the
            // current is set again; a failed send reconnects, which resets it too.
            appliedAmperes = offer.amperes();
            Rapi.Message reply = send("SC " + offer.amperes() + " V");
            if (reply.type().equals("NK")) {
              log.info("OpenEVSE limited the current of {} A: {}", offer.amperes(), reply.parameters());
            }
          }
          if (evseState == SLEEPING || evseState == DISABLED) {
            expectOk("FE");
          }
        }
        case PilotDemand.Pause pause -> {
          if (evseState != SLEEPING) {
            expectOk("FS");
          }
        }
        case PilotDemand.Unavailable unavailable -> {
          if (evseState != DISABLED) {
            expectOk("FD");
          }
        }
      }
    }

    private void expectOk(String command) throws DeviceException {
      if (!send(command).type().equals("OK")) {
        throw new DeviceException(DeviceException.REJECTED, "board refused " + command, false);
      }
    }

    /** Sends {@code command} and returns its reply, handling unasked messages that come first. */
    private Rapi.Message send(String command) throws DeviceException {
      drain();
      link.write(Rapi.command(command));
      corruptLine = false;
      long deadline = System.nanoTime() + config.responseTimeout().toNanos();
      while (true) {
        Optional<Rapi.Message> message = nextMessage();
        if (message.isPresent()) {
          if (message.get().isReply()) {
            return message.get();
          }
          unasked(message.get());
        } else {
          // A board that streams noise must not keep us here past the deadline.
          int n = System.nanoTime() - deadline < 0 ? link.read(buffer, deadline) : 0;
          if (n == 0) {
            throw corruptLine
                ? new DeviceException(DeviceException.CHECKSUM, "corrupt reply to " + command, true)
                : new DeviceException(DeviceException.TIMEOUT, "no reply to " + command, true);
          }
          lines.feed(buffer, n);
        }
      }
    }

    /** Follows unasked messages until {@code deadline} or until a command waits. */
    private void listen(long deadline) throws DeviceException {
      drain();
      while (!wakeUpPending() && System.nanoTime() - deadline < 0) {
        long sliceEnd = System.nanoTime() + LISTEN_SLICE_NANOS;
        int n = link.read(buffer, sliceEnd - deadline < 0 ? sliceEnd : deadline);
        lines.feed(buffer, n);
        handleWaiting();
      }
    }

    private void drain() throws DeviceException {
      lines.feed(buffer, link.readAvailable(buffer));
      handleWaiting();
    }

    private void handleWaiting() {
      for (Optional<Rapi.Message> m = nextMessage(); m.isPresent(); m = nextMessage()) {
        if (m.get().isReply()) {
          log.debug("late reply ignored: {}", m.get());
        } else {
          unasked(m.get());
        }
      }
    }

    /** The next complete line with a valid checksum; corrupt lines are counted and skipped. */
    private Optional<Rapi.Message> nextMessage() {
      for (Optional<String> line = lines.next(); line.isPresent(); line = lines.next()) {
        Optional<Rapi.Message> message = Rapi.parse(line.get());
        if (message.isPresent()) {
          return message;
        }
        corruptLine = true;
        discarded(line.get().length() + 1, "corrupt RAPI line");
      }
      return Optional.empty();
    }

    private void unasked(Rapi.Message message) {
      List<String> p = message.parameters();
      switch (message.type()) {
        case "AT" -> stateMessage(message, hex(p, 0), hex(p, 1));
        case "ST" -> stateMessage(message, hex(p, 0), OptionalInt.empty());
        case "AB" -> {
          log.info("OpenEVSE restarted: {}", p);
          appliedAmperes = -1;
          stateMessage(message, hex(p, 0), OptionalInt.empty());
        }
        default -> log.debug("unasked message ignored: {}", message);
      }
    }

    private void stateMessage(Rapi.Message message, OptionalInt state, OptionalInt pilot) {
      if (state.isPresent()) {
        evseState(state.getAsInt(), pilot);
      } else {
        discarded(message.toString().length(), "malformed " + message.type() + " message");
      }
    }

    private void evseState(int state, OptionalInt pilot) {
      evseState = state;
      Optional<HardwareFault> fault = fault(state);
      if (fault.isPresent()) {
        HardwareFault f = fault.get();
        if (!f.vendorErrorCode().equals(boardFault)) {
          boardFault = f.vendorErrorCode();
          reported = null;
          log.warn("OpenEVSE reports {}", f);
          notifyListener(l -> l.onFault(f));
        }
        return;
      }
      if (boardFault != null) {
        boardFault = null;
        notifyListener(l -> l.onFaultCleared(FAULT_SOURCE));
      }
      switch (state) {
        case 0x01, 0x02, 0x03, 0x04 -> report(PilotState.values()[state - 1]);
        case SLEEPING -> {
          int p = pilot.orElse(0);
          if (p >= 0x01 && p <= 0x04) {
            report(PilotState.values()[p - 1]);
          }
        }
        case DISABLED -> report(PilotState.F);
        case STARTING -> log.debug("OpenEVSE is starting");
        default -> log.warn("unknown OpenEVSE state {}", state);
      }
    }

    private void report(PilotState state) {
      if (state != reported) {
        reported = state;
        notifyListener(l -> l.onStateChanged(state));
      }
    }

    /** The hex number at {@code index}, if there is one. */
    private static OptionalInt hex(List<String> parameters, int index) {
      if (index >= parameters.size()) {
        return OptionalInt.empty();
      }
      String digits = parameters.get(index);
      if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(HexFormat::isHexDigit)) {
        return OptionalInt.empty();
      }
      return OptionalInt.of(HexFormat.fromHexDigits(digits));
    }
  }
}
