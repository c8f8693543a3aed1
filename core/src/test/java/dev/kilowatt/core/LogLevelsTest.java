package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A log line's level tells an operator whether to act: a normal start logs nothing above INFO. Without
 * SLF4J on the class path the core's System.Logger writes to java.util.logging, where this test listens.
 */
class LogLevelsTest {

  private final Logger root = Logger.getLogger("dev.kilowatt.core");
  private final LogRecords collector = new LogRecords();
  private final List<LogRecord> records = collector.records();
  private Level previousLevel;

  @BeforeEach
  void listen() {
    previousLevel = root.getLevel();
    root.setLevel(Level.ALL);
    root.addHandler(collector);
  }

  @AfterEach
  void stopListening() {
    root.removeHandler(collector);
    root.setLevel(previousLevel);
  }

  @Test
  void anOrdinaryStartLogsNothingAboveInfo() {
    new Harness().online();

    List<String> startup = records.stream().filter(r -> r.getMessage().contains("security event"))
        .map(r -> r.getLevel() + " " + java.text.MessageFormat.format(r.getMessage(), r.getParameters())).toList();
    assertEquals(List.of("INFO security event StartupOfTheDevice"), startup,
        "StartupOfTheDevice is critical in the white paper's sense (it must reach the central system) but no trouble");
    assertEquals(List.of(), records.stream().filter(r -> r.getLevel().intValue() > Level.INFO.intValue())
        .map(r -> r.getLevel() + " " + r.getMessage()).toList());
  }

  @Test
  void aSecurityEventThatMeansTroubleIsAWarning() {
    Harness h = new Harness().online();
    records.clear();

    h.cs.listener().onSecurityEvent("InvalidTLSVersion", "the central system offered TLS 1.0");
    h.run();

    assertEquals(List.of("WARNING"), records.stream().filter(r -> r.getMessage().contains("security event"))
        .map(r -> r.getLevel().toString()).toList());
  }
}
