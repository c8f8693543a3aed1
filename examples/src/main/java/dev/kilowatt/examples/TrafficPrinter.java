package dev.kilowatt.examples;

import dev.kilowatt.ocpp.TrafficListener;
import java.io.PrintStream;

/** Prints every OCPP frame, one line each: {@code -> } for what the charge point sends, {@code <- } for what it receives. */
final class TrafficPrinter implements TrafficListener {

  private final PrintStream out;

  TrafficPrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onFrame(Direction direction, String text) {
    out.println((direction == Direction.SENT ? "-> " : "<- ") + text.strip());
  }
}
