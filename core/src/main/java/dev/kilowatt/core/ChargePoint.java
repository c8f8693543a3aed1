package dev.kilowatt.core;

import dev.kilowatt.core.message.DataTransferRequest;
import dev.kilowatt.core.message.DataTransferResponse;
import dev.kilowatt.core.ledger.TransactionRecord;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.DiagnosticsCollector;
import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.FirmwareInstaller;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.port.RfidReader;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.smartcharging.SmartChargingLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An OCPP 1.6 charge point, built from its ports. Thread-safe: every method hands its work to the event
 * loop of the {@link Scheduler} it was built with.
 *
 * <pre>{@code
 * ChargePoint cp = ChargePoint.builder(scheduler, storage, centralSystem, platform)
 *     .identity(ChargePointIdentity.of("Acme", "AC7"))
 *     .connector(ConnectorHardware.singlePhaseFixedCable(relay, pilot, meter, 16))
 *     .rfidReader(reader)
 *     .build();
 * cp.start();
 * }</pre>
 */
public final class ChargePoint {

  private final Scheduler scheduler;
  private final Counters counters = new Counters();
  private final Station station;

  private ChargePoint(Builder builder) {
    this.scheduler = builder.scheduler;
    this.station = new Station(builder, counters);
  }

  public static Builder builder(Scheduler scheduler, Storage storage, CentralSystem centralSystem, Platform platform) {
    return new Builder(scheduler, storage, centralSystem, platform);
  }

  /** Starts the hardware listeners and connects to the central system. */
  public void start() {
    scheduler.execute(station::start);
  }

  /** Disconnects from the central system and stops reacting to anything. */
  public void stop() {
    scheduler.execute(station::stop);
  }

  /** Each connector as it is now. */
  public CompletableFuture<List<ConnectorSnapshot>> connectors() {
    return onLoop(station::snapshot);
  }

  /** The configuration with secrets masked, as diagnostics report it. */
  public CompletableFuture<Map<String, String>> configuration() {
    return onLoop(station::configurationSnapshot);
  }

  /** Sends a DataTransfer.req to the central system; fails when it cannot be delivered or answered. */
  public CompletableFuture<DataTransferResponse> dataTransfer(String vendorId, Optional<String> messageId, Optional<String> data) {
    CompletableFuture<DataTransferResponse> result = new CompletableFuture<>();
    scheduler.execute(() -> station.dataTransferToCentralSystem(new DataTransferRequest(vendorId, messageId, data), result::complete,
        why -> result.completeExceptionally(new IllegalStateException("DataTransfer not answered: " + why))));
    return result;
  }

  /**
   * What the charger remembers of each transaction (the finished ones, as many as it keeps, then the open
   * ones), whether or not the central system accepted it.
   */
  public CompletableFuture<List<TransactionRecord>> transactions() {
    return onLoop(station::transactionRecords);
  }

  /** Counts of the errors and odd events seen so far (malformed answers, time-outs, faults...). */
  public Map<String, Long> counters() {
    return counters.snapshot();
  }

  private <T> CompletableFuture<T> onLoop(java.util.function.Supplier<T> query) {
    CompletableFuture<T> result = new CompletableFuture<>();
    scheduler.execute(() -> {
      try {
        result.complete(query.get());
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  /** Collects the ports and settings of a charge point. */
  public static final class Builder {
    final Scheduler scheduler;
    final Storage storage;
    final CentralSystem centralSystem;
    final Platform platform;
    ChargePointIdentity identity = ChargePointIdentity.of("Kilowatt", "Simulated");
    final List<ConnectorHardware> connectors = new ArrayList<>();
    final List<RfidReader> readers = new ArrayList<>();
    ChargePointLimits limits = ChargePointLimits.REFERENCE;
    final Map<String, String> configuration = new HashMap<>();
    final Map<String, DataTransferHandler> vendors = new HashMap<>();
    ChargePointListener listener = new ChargePointListener() {};
    Duration responseTimeout = Duration.ofSeconds(30);
    Optional<FileTransfer> fileTransfer = Optional.empty();
    Optional<FirmwareInstaller> firmwareInstaller = Optional.empty();
    Optional<DiagnosticsCollector> diagnosticsCollector = Optional.empty();
    boolean firmwareDownloadDuringTransaction;
    boolean signedFirmwareOnly;
    SmartChargingLimits smartChargingLimits = SmartChargingLimits.DEFAULT;
    double nominalVoltage = 230.0;
    Optional<Journal> journal = Optional.empty();
    int offlineSampleLimit = 2_000;

    private Builder(Scheduler scheduler, Storage storage, CentralSystem centralSystem, Platform platform) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      this.storage = Objects.requireNonNull(storage, "storage");
      this.centralSystem = Objects.requireNonNull(centralSystem, "centralSystem");
      this.platform = Objects.requireNonNull(platform, "platform");
    }

    public Builder identity(ChargePointIdentity identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /** Adds a connector; connectors are numbered 1, 2, ... in the order added. */
    public Builder connector(ConnectorHardware connector) {
      connectors.add(Objects.requireNonNull(connector, "connector"));
      return this;
    }

    public Builder rfidReader(RfidReader reader) {
      readers.add(Objects.requireNonNull(reader, "reader"));
      return this;
    }

    public Builder limits(ChargePointLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The factory value of a configuration key, used until the central system changes it. A value the
     * key does not accept is ignored in favour of the built-in default.
     */
    public Builder configuration(String key, String value) {
      configuration.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Answers DataTransfer.req calls whose vendorId is {@code vendorId}; others get UnknownVendorId. */
    public Builder dataTransferHandler(String vendorId, DataTransferHandler handler) {
      vendors.put(Objects.requireNonNull(vendorId, "vendorId"), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    public Builder listener(ChargePointListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** How long to wait for the central system's answer to a call before treating it as failed. */
    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Downloads firmware and uploads diagnostics; needed by {@link #firmwareInstaller} and {@link #diagnosticsCollector}. */
    public Builder fileTransfer(FileTransfer transfer) {
      this.fileTransfer = Optional.of(Objects.requireNonNull(transfer, "transfer"));
      return this;
    }

    /**
     * Enables UpdateFirmware. With a {@link #diagnosticsCollector} too, the charge point reports the
     * FirmwareManagement profile.
     */
    public Builder firmwareInstaller(FirmwareInstaller installer) {
      this.firmwareInstaller = Optional.of(Objects.requireNonNull(installer, "installer"));
      return this;
    }

    /** Enables GetDiagnostics. */
    public Builder diagnosticsCollector(DiagnosticsCollector collector) {
      this.diagnosticsCollector = Optional.of(Objects.requireNonNull(collector, "collector"));
      return this;
    }

    /**
     * Whether a firmware image may be downloaded while a transaction runs (it is never installed during
     * one). Off by default, as on a board whose link or memory is too small for both: the download then
     * waits for the transactions to end, with the connectors unavailable.
     */
    public Builder firmwareDownloadDuringTransaction(boolean allowed) {
      this.firmwareDownloadDuringTransaction = allowed;
      return this;
    }

    /**
     * Whether the firmware may be updated only with SignedUpdateFirmware.req (security white paper): the
     * unsigned UpdateFirmware.req is then answered with CALLERROR NotSupported, as L01.FR.20 asks. Off by
     * default, so that central systems without the security extension can still update the firmware.
     */
    public Builder signedFirmwareOnly(boolean signedOnly) {
      this.signedFirmwareOnly = signedOnly;
      return this;
    }

    /** What charging profiles this charger accepts (ChargeProfileMaxStackLevel and friends). */
    public Builder smartChargingLimits(SmartChargingLimits limits) {
      this.smartChargingLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The phase-to-neutral voltage used to turn charging limits in W into amperes. */
    public Builder nominalVoltage(double volts) {
      if (!(volts > 0)) {
        throw new IllegalArgumentException("nominal voltage must be positive: " + volts);
      }
      this.nominalVoltage = volts;
      return this;
    }

    /**
     * Where the transaction ledger is kept (docs/ledger.md). A board gives {@code FileJournal}, which
     * writes on its own thread; without one the ledger is kept in the storage, which the loop waits for.
     */
    public Builder journal(Journal journal) {
      this.journal = Optional.of(Objects.requireNonNull(journal, "journal"));
      return this;
    }

    /**
     * How many periodic MeterValues the offline queue keeps; beyond that they are thinned where they are
     * densest. Starts, stops and clock-aligned values are always kept.
     */
    public Builder offlineSampleLimit(int samples) {
      if (samples < 1) {
        throw new IllegalArgumentException("the offline queue keeps at least one sample: " + samples);
      }
      this.offlineSampleLimit = samples;
      return this;
    }

    public ChargePoint build() {
      if (connectors.isEmpty()) {
        throw new IllegalStateException("a charge point needs at least one connector");
      }
      if ((firmwareInstaller.isPresent() || diagnosticsCollector.isPresent()) && fileTransfer.isEmpty()) {
        throw new IllegalStateException("a firmware installer or a diagnostics collector needs a file transfer adapter");
      }
      return new ChargePoint(this);
    }
  }
}
