package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's first command: one charging session against the embedded demo central system. */
class DemoSessionTest {

  @Test
  void playsACardSessionAndARemoteSessionAndPrintsTheExchange() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = DemoSession.run(SimulatorOptions.parse(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(0, status, String.join("\n", lines));
    for (String action : List.of("BootNotification", "StatusNotification", "Authorize", "StartTransaction", "MeterValues",
        "StopTransaction")) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("-> [2,") && l.contains("\"" + action + "\"")), "sent " + action);
    }
    assertTrue(lines.stream().filter(l -> l.startsWith("<- [3,")).count() >= 10, "answers printed");
    // the central system's own calls, which the AOT training run (this demo) must also take
    for (String action : List.of("GetConfiguration", "ChangeConfiguration", "TriggerMessage", "RemoteStartTransaction",
        "RemoteStopTransaction")) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("<- [2,") && l.contains("\"" + action + "\"")), "received " + action);
    }
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("# remote session complete: transaction 2, stop reason Remote")),
        String.join("\n", lines));
    assertTrue(lines.stream().allMatch(l -> l.startsWith("-> ") || l.startsWith("<- ") || l.startsWith("# ")),
        "every line is a frame or a comment");
    assertTrue(lines.getLast().startsWith("# ") && lines.stream().anyMatch(l -> l.startsWith("# session complete")));
  }
}
