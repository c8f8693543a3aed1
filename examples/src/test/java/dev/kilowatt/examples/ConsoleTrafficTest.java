package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kilowatt.examples.web.LiveTraffic;
import dev.kilowatt.ocpp.TrafficListener;
import dev.kilowatt.ocpp.TrafficListener.Direction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who hears the console simulator's frames: the printer always, the web console's traffic only when it runs. */
class ConsoleTrafficTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final TrafficPrinter printer = new TrafficPrinter(new PrintStream(printed, true, StandardCharsets.UTF_8));

  @Test
  void withoutAWebConsoleOnlyThePrinterHearsTheFrames() {
    assertSame(printer, SimulatedCharger.consoleTraffic(printer, Optional.empty()),
        "no frame is kept or parsed for a page that nobody can open");
  }

  @Test
  void withAWebConsoleEachFrameIsPrintedAndKept() {
    TrafficListener both = SimulatedCharger.consoleTraffic(printer, Optional.of(new LiveTraffic()));
    both.onFrame(Direction.SENT, "[2,\"1\",\"Heartbeat\",{}]");
    both.onFrame(Direction.RECEIVED, "[3,\"1\",{}]");

    assertEquals("-> [2,\"1\",\"Heartbeat\",{}]\n<- [3,\"1\",{}]\n", printed.toString(StandardCharsets.UTF_8)
        .replace(System.lineSeparator(), "\n"));
  }
}
