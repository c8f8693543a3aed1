package dev.kilowatt.examples;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.Ocpp16Mapping;
import dev.kilowatt.core.message.ChargePointErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One line of the simulator's console, parsed. Connector numbers default to 1. */
sealed interface ConsoleCommand {

  /** The EV's cable goes in (pilot A to B). */
  record Plug(int connector) implements ConsoleCommand {}

  /** The EV asks for energy (pilot B to C). */
  record EvCharge(int connector) implements ConsoleCommand {}

  /** The EV stops asking for energy (pilot C to B). */
  record EvPause(int connector) implements ConsoleCommand {}

  /** The EV's cable comes out (pilot to A). */
  record Unplug(int connector) implements ConsoleCommand {}

  /** A card is held to the reader. */
  record Card(String idTag) implements ConsoleCommand {}

  /** The connector's hardware reports a fault, typed by its OCPP 1.6 error code. */
  record Fault(int connector, ConnectorFault fault) implements ConsoleCommand {}

  /** The injected fault goes away. */
  record ClearFault(int connector) implements ConsoleCommand {}

  /** The charger loses its power: it stops at once, the EVs stay plugged in. */
  record PowerCut() implements ConsoleCommand {}

  /** The charger is switched off and on again; after a power cut, the power comes back. */
  record Restart() implements ConsoleCommand {}
  /** The socket's lock stops moving where it is (to play a ConnectorLockFailure). */
  record LockStick(int connector) implements ConsoleCommand {}

  /** The socket's lock moves again. */
  record LockFree(int connector) implements ConsoleCommand {}

  /** Prints each connector's OCPP status. */
  record Status() implements ConsoleCommand {}

  /** Lists the commands. */
  record Help() implements ConsoleCommand {}

  /** Stops the simulator. */
  record Quit() implements ConsoleCommand {}

  /** What {@code help} prints, one command a line; {@code c} is a connector number, 1 when left out. */
  String HELP = """
        plug [c]                the EV's cable goes in (pilot A to B)
        ev-charge [c]           the EV asks for energy (B to C)
        ev-pause [c]            the EV stops asking for energy (C to B)
        unplug [c]              the cable comes out (to A)
        card IDTAG              a card is held to the reader
        fault [c] ERRORCODE     the hardware reports a fault (an OCPP ChargePointErrorCode, e.g. GroundFailure)
        clear-fault [c]         the fault goes away
        lock-stick [c]          with --socket: the socket's lock stops moving (a ConnectorLockFailure once commanded)
        lock-free [c]           the lock moves again
        power-cut               the charger loses power at once (the EVs stay plugged in)
        restart                 the charger switches off and on, or power comes back after a cut
        status                  each connector's OCPP status
        help                    this list
        quit                    stops the simulator""";

  /**
   * Parses one console line; blank lines and lines starting with {@code #} are no command.
   *
   * @throws IllegalArgumentException with a one-line message for people when the line is not a command
   */
  static Optional<ConsoleCommand> parse(String line, int connectors) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return Optional.empty();
    }
    List<String> words = Arrays.asList(trimmed.split("\\s+"));
    String name = words.getFirst();
    List<String> args = words.subList(1, words.size());
    return Optional.of(switch (name) {
      case "plug" -> new Plug(connectorOnly(name, args, connectors));
      case "ev-charge" -> new EvCharge(connectorOnly(name, args, connectors));
      case "ev-pause" -> new EvPause(connectorOnly(name, args, connectors));
      case "unplug" -> new Unplug(connectorOnly(name, args, connectors));
      case "clear-fault" -> new ClearFault(connectorOnly(name, args, connectors));
      case "lock-stick" -> new LockStick(connectorOnly(name, args, connectors));
      case "lock-free" -> new LockFree(connectorOnly(name, args, connectors));
      case "card" -> {
        if (args.size() != 1) {
          throw new IllegalArgumentException("usage: card IDTAG");
        }
        yield new Card(args.getFirst());
      }
      case "fault" -> {
        if (args.isEmpty() || args.size() > 2) {
          throw new IllegalArgumentException("usage: fault [c] ERRORCODE (an OCPP ChargePointErrorCode, e.g. GroundFailure)");
        }
        int connector = args.size() == 2 ? connector(args.getFirst(), connectors) : 1;
        yield new Fault(connector, errorCode(args.getLast()));
      }
      case "power-cut" -> noArguments(name, args, new PowerCut());
      case "restart" -> noArguments(name, args, new Restart());
      case "status" -> noArguments(name, args, new Status());
      case "help" -> noArguments(name, args, new Help());
      case "quit" -> noArguments(name, args, new Quit());
      default -> throw new IllegalArgumentException("unknown command '" + name + "'; 'help' lists the commands");
    });
  }

  private static int connectorOnly(String name, List<String> args, int connectors) {
    if (args.size() > 1) {
      throw new IllegalArgumentException("usage: " + name + " [c]");
    }
    return args.isEmpty() ? 1 : connector(args.getFirst(), connectors);
  }

  private static int connector(String word, int connectors) {
    try {
      int c = Integer.parseInt(word);
      if (c >= 1 && c <= connectors) {
        return c;
      }
    } catch (NumberFormatException e) {
      // reported below, like an unknown connector
    }
    throw new IllegalArgumentException("no connector '" + word + "'; connectors are 1.." + connectors);
  }

  private static ConnectorFault errorCode(String word) {
    ChargePointErrorCode code = ChargePointErrorCode.fromOcpp(word)
        .orElseThrow(() -> new IllegalArgumentException("'" + word + "' is no OCPP ChargePointErrorCode (e.g. GroundFailure, HighTemperature)"));
    if (code == ChargePointErrorCode.NO_ERROR) {
      throw new IllegalArgumentException("NoError is not a fault; use clear-fault");
    }
    return Ocpp16Mapping.fault(code);
  }

  private static ConsoleCommand noArguments(String name, List<String> args, ConsoleCommand command) {
    if (!args.isEmpty()) {
      throw new IllegalArgumentException(name + " takes no arguments");
    }
    return command;
  }
}
