package dev.kilowatt.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gathers the diagnostics archive a GetDiagnostics.req asks for: the charge point's own log for a time
 * window, plus what the domain hands over (its configuration with secrets masked, the recent OCPP traffic).
 * Collection runs on the adapter's own thread and reports once, from any thread.
 */
public interface DiagnosticsCollector {

  /**
   * Writes the archive named {@link Request#fileName()} (a zip file) and reports where it is.
   *
   * @param request what the archive holds and its name
   * @param listener where the archive or the failure goes, once
   */
  void collect(Request request, Listener listener);

  /**
   * What to put into one archive.
   *
   * @param fileName the archive's file name, already announced to the central system
   * @param from log entries before this instant may be left out
   * @param to log entries after this instant may be left out
   * @param configuration every configuration key with its value, secrets masked
   * @param traffic the recent OCPP messages within the window, one per line, oldest first
   * @param transactions the charger's own record of each transaction it remembers, whether or not the
   *     central system accepted it, one per line, oldest first
   */
  record Request(String fileName, Optional<Instant> from, Optional<Instant> to, Map<String, String> configuration,
      List<String> traffic, List<String> transactions) {
    /** Rejects a null name or window and copies the map and the lists, so the request stays as it was built. */
    public Request {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      configuration = Map.copyOf(configuration);
      traffic = List.copyOf(traffic);
      transactions = List.copyOf(transactions);
    }

    /**
     * A request without transaction records.
     *
     * @param fileName the archive's file name, already announced to the central system
     * @param from log entries before this instant may be left out
     * @param to log entries after this instant may be left out
     * @param configuration every configuration key with its value, secrets masked
     * @param traffic the recent OCPP messages within the window, one per line, oldest first
     */
    public Request(String fileName, Optional<Instant> from, Optional<Instant> to, Map<String, String> configuration, List<String> traffic) {
      this(fileName, from, to, configuration, traffic, List.of());
    }
  }

  /** The outcome of one collection. */
  interface Listener {
    /**
     * The archive is written.
     *
     * @param archive the archive, ready to upload
     */
    void onCollected(HeldFile archive);

    /**
     * No archive could be written; the upload is reported as failed.
     *
     * @param reason what went wrong, for the log
     */
    void onFailed(String reason);
  }
}
