package dev.kilowatt.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.port.DiagnosticsCollector;
import dev.kilowatt.core.port.HeldFile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDirectoryDiagnosticsTest {

  private static final Instant WINDOW_START = Instant.parse("2025-06-01T00:00:00Z");

  @TempDir
  Path dir;

  private Object collect(LogDirectoryDiagnostics collector, DiagnosticsCollector.Request request) throws Exception {
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    collector.collect(request, new DiagnosticsCollector.Listener() {
      @Override
      public void onCollected(HeldFile archive) {
        outcome.complete(Path.of(archive.name()));
      }

      @Override
      public void onFailed(String reason) {
        outcome.complete(reason);
      }
    });
    return outcome.get(10, TimeUnit.SECONDS);
  }

  private static Map<String, String> entries(Path archive) throws Exception {
    Map<String, String> entries = new TreeMap<>();
    try (InputStream file = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(file)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  private Path log(String name, String content, Instant modified) throws Exception {
    Path file = dir.resolve("logs").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  @Test
  void theArchiveHoldsConfigurationTrafficAndTheLogsOfTheWindow() throws Exception {
    log("kilowatt.log", "today\n", WINDOW_START.plusSeconds(3_600));
    log("old/kilowatt.1.log", "last week\n", WINDOW_START.minusSeconds(86_400 * 7));
    log("rotated/kilowatt.2.log", "this morning\n", WINDOW_START.plusSeconds(60));
    LogDirectoryDiagnostics collector = new LogDirectoryDiagnostics(dir.resolve("logs"), dir.resolve("out"));

    Object archive = collect(collector, new DiagnosticsCollector.Request("diagnostics-1.zip", Optional.of(WINDOW_START),
        Optional.empty(), Map.of("HeartbeatInterval", "300", "AuthorizationKey", "***"),
        List.of("2025-06-01T12:00:00Z -> CALL 1 Heartbeat HeartbeatRequest[]")));

    assertEquals(dir.resolve("out").resolve("diagnostics-1.zip"), archive);
    Map<String, String> entries = entries((Path) archive);
    assertEquals(List.of("configuration.txt", "logs/kilowatt.log", "logs/rotated/kilowatt.2.log", "ocpp-traffic.txt"),
        List.copyOf(entries.keySet()));
    assertEquals("AuthorizationKey=***\nHeartbeatInterval=300\n", entries.get("configuration.txt"));
    assertEquals("2025-06-01T12:00:00Z -> CALL 1 Heartbeat HeartbeatRequest[]\n", entries.get("ocpp-traffic.txt"));
    assertEquals("today\n", entries.get("logs/kilowatt.log"));
  }

  @Test
  void theArchiveHoldsTheTransactionRecordsWhenThereAreAny() throws Exception {
    LogDirectoryDiagnostics collector = new LogDirectoryDiagnostics(dir.resolve("no-logs"), dir.resolve("out"));
    Object archive = collect(collector, new DiagnosticsCollector.Request("d.zip", Optional.empty(), Optional.empty(), Map.of(), List.of(),
        List.of("TransactionRecord[number=1]", "TransactionRecord[number=2]")));
    assertEquals("TransactionRecord[number=1]\nTransactionRecord[number=2]\n", entries((Path) archive).get("transactions.txt"));
  }

  @Test
  void withoutALogDirectoryTheArchiveStillHasTheRest() throws Exception {
    LogDirectoryDiagnostics collector = new LogDirectoryDiagnostics(dir.resolve("no-logs"), dir.resolve("out"));
    Object archive = collect(collector, new DiagnosticsCollector.Request("d.zip", Optional.empty(), Optional.empty(), Map.of(), List.of()));
    assertEquals(List.of("configuration.txt", "ocpp-traffic.txt"), List.copyOf(entries((Path) archive).keySet()));
  }

  @Test
  void logsBeyondTheSizeBudgetAreLeftOutOldestFirst() throws Exception {
    byte[] big = new byte[(int) (LogDirectoryDiagnostics.MAX_LOG_BYTES / 2 + 1)];
    Files.createDirectories(dir.resolve("logs"));
    Files.setLastModifiedTime(Files.write(dir.resolve("logs/new.log"), big), FileTime.from(WINDOW_START.plusSeconds(20)));
    Files.setLastModifiedTime(Files.write(dir.resolve("logs/older.log"), big), FileTime.from(WINDOW_START.plusSeconds(10)));
    LogDirectoryDiagnostics collector = new LogDirectoryDiagnostics(dir.resolve("logs"), dir.resolve("out"));
    Map<String, String> entries = entries((Path) collect(collector,
        new DiagnosticsCollector.Request("d.zip", Optional.empty(), Optional.empty(), Map.of(), List.of())));
    assertTrue(entries.containsKey("logs/new.log"));
    assertEquals("logs/older.log (" + big.length + " bytes)\n", entries.get("logs-left-out.txt"));
  }

  @Test
  void aFileNameWithAPathIsRefused() throws Exception {
    LogDirectoryDiagnostics collector = new LogDirectoryDiagnostics(dir.resolve("logs"), dir.resolve("out"));
    Object outcome = collect(collector, new DiagnosticsCollector.Request("../escape.zip", Optional.empty(), Optional.empty(), Map.of(),
        List.of()));
    assertTrue(outcome instanceof String reason && reason.contains("not a plain file name"), outcome.toString());
  }
}
