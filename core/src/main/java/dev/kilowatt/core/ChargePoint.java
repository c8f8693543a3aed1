package dev.kilowatt.core;

import dev.kilowatt.core.message.DataTransferResponse;
import dev.kilowatt.core.ledger.TransactionRecord;
import dev.kilowatt.core.message.GetCompositeScheduleRequest;
import dev.kilowatt.core.message.GetCompositeScheduleResponse;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.DiagnosticsCollector;
import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.FirmwareInstaller;
import dev.kilowatt.core.port.Indicator;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.port.RfidReader;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.SecretStore;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.smartcharging.SharingStrategy;
import dev.kilowatt.core.smartcharging.SmartChargingLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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

  /** A builder of a charge point on these four ports, which every charge point needs; the others are optional. */
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
    return onLoop(station.queries::snapshot);
  }

  /**
   * The schedule a connector will follow, computed as for the central system's GetCompositeSchedule.req, so
   * that a display shows exactly what the central system would be told.
   */
  public CompletableFuture<GetCompositeScheduleResponse> compositeSchedule(GetCompositeScheduleRequest request) {
    Objects.requireNonNull(request, "request");
    return onLoop(() -> station.queries.compositeSchedule(request));
  }

  /**
   * How many transaction messages (StartTransaction, MeterValues, StopTransaction) are saved and still wait
   * for the central system's answer: the queue that grows while the charger is offline.
   */
  public CompletableFuture<Integer> queuedTransactionMessages() {
    return onLoop(station.queries::queuedTransactionMessages);
  }

  /** The configuration with secrets masked, as diagnostics report it. */
  public CompletableFuture<Map<String, String>> configuration() {
    return onLoop(station.queries::configurationSnapshot);
  }

  /**
   * The current value of a configuration key, a vendor key or a standard one, as GetConfiguration would
   * return it; empty for a key the charge point does not have and for a secret (AuthorizationKey).
   */
  public CompletableFuture<Optional<String>> configurationValue(String key) {
    Objects.requireNonNull(key, "key");
    return onLoop(() -> station.queries.configurationValue(key));
  }

  /** Sends a DataTransfer.req to the central system; fails when it cannot be delivered or answered. */
  public CompletableFuture<DataTransferResponse> dataTransfer(String vendorId, Optional<String> messageId, Optional<String> data) {
    CompletableFuture<DataTransferResponse> result = new CompletableFuture<>();
    scheduler.execute(() -> station.queries.dataTransfer(vendorId, messageId, data, result));
    return result;
  }

  /**
   * What the charger remembers of each transaction (the finished ones, as many as it keeps, then the open
   * ones), whether or not the central system accepted it.
   */
  public CompletableFuture<List<TransactionRecord>> transactions() {
    return onLoop(station.queries::transactionRecords);
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
    ChargePointLimits limits = ChargePointLimits.DEFAULT;
    final Map<String, String> configuration = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final List<VendorKey> vendorKeys = new ArrayList<>();
    final Map<String, List<Consumer<String>>> configurationListeners = new LinkedHashMap<>();
    final Map<String, DataTransferHandler> vendors = new HashMap<>();
    ChargePointListener listener = new ChargePointListener() {};
    Duration responseTimeout = Duration.ofSeconds(30);
    Optional<FileTransfer> fileTransfer = Optional.empty();
    Optional<FirmwareInstaller> firmwareInstaller = Optional.empty();
    Optional<DiagnosticsCollector> diagnosticsCollector = Optional.empty();
    boolean firmwareDownloadDuringTransaction;
    boolean signedFirmwareOnly;
    boolean offlineTransactionsBeforeAcceptance;
    Optional<Indicator> indicator = Optional.empty();
    SmartChargingLimits smartChargingLimits = SmartChargingLimits.DEFAULT;
    double nominalVoltage = 230.0;
    Optional<SecretStore> secretStore = Optional.empty();
    Optional<Double> installationLimitA = Optional.empty();
    SharingStrategy sharingStrategy = SharingStrategy.equal();
    Optional<Journal> journal = Optional.empty();
    int offlineSampleLimit = 2_000;

    private Builder(Scheduler scheduler, Storage storage, CentralSystem centralSystem, Platform platform) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      this.storage = Objects.requireNonNull(storage, "storage");
      this.centralSystem = Objects.requireNonNull(centralSystem, "centralSystem");
      this.platform = Objects.requireNonNull(platform, "platform");
    }

    /** What the BootNotification tells of the charge point; vendor "Kilowatt", model "Simulated" when not given. */
    public Builder identity(ChargePointIdentity identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /** Adds a connector; connectors are numbered 1, 2, ... in the order added. */
    public Builder connector(ConnectorHardware connector) {
      connectors.add(Objects.requireNonNull(connector, "connector"));
      return this;
    }

    /** Adds a card reader; every reader starts and stops transactions on any connector. */
    public Builder rfidReader(RfidReader reader) {
      readers.add(Objects.requireNonNull(reader, "reader"));
      return this;
    }

    /**
     * The ranges this charger accepts for its intervals and the sizes of its lists;
     * {@link ChargePointLimits#DEFAULT} when not given (heartbeat and sample intervals up to a day).
     */
    public Builder limits(ChargePointLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The factory value of a configuration key, used until the central system changes it; a later value for
     * the same key (a CiString: in any case) replaces this one. {@link #build} fails, naming the key and the
     * reason, when the charge point has no such key, the key does not accept the value, or the key is read-only
     * and its value follows from the build (NumberOfConnectors, the limits' keys: README, Configuration).
     */
    public Builder configuration(String key, String value) {
      configuration.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Factory values for many keys at once, as {@link #configuration(String, String)} takes one (a factory
     * file is read by the storage adapter, e.g. {@code FactoryConfigurationFile}); {@link #build} fails on
     * an unknown key or a bad value.
     */
    public Builder configuration(Map<String, String> values) {
      Objects.requireNonNull(values, "values").forEach(this::configuration);
      return this;
    }

    /**
     * Adds a configuration key of the charger maker's own, after the standard ones in GetConfiguration.
     * {@link #build} fails when the charge point already has a key of that name, whatever its case.
     */
    public Builder vendorKey(VendorKey key) {
      vendorKeys.add(Objects.requireNonNull(key, "key"));
      return this;
    }

    /**
     * Calls {@code listener} on the event loop with the new value after every accepted change of {@code key}
     * (by the central system or the charge point itself), not for the value at start: read that with
     * {@link ChargePoint#configurationValue}. It must return quickly. {@link #build} fails when the charge
     * point has no such key.
     */
    public Builder onConfigurationChange(String key, Consumer<String> listener) {
      configurationListeners.computeIfAbsent(Objects.requireNonNull(key, "key"), k -> new ArrayList<>())
          .add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Answers DataTransfer.req calls whose vendorId is {@code vendorId}; others get UnknownVendorId. */
    public Builder dataTransferHandler(String vendorId, DataTransferHandler handler) {
      vendors.put(Objects.requireNonNull(vendorId, "vendorId"), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /** Hears the charge point's status changes and decisions on the event loop, e.g. for a display. */
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

    /** Enables UpdateFirmware. With a {@link #diagnosticsCollector} too, the charge point reports the FirmwareManagement profile. */
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

    /** The charge point's light; with it, BlinkRepeat and LightIntensity are offered and drive it. */
    public Builder indicator(Indicator indicator) {
      this.indicator = Optional.of(Objects.requireNonNull(indicator, "indicator"));
      return this;
    }

    /**
     * Whether the local list, the cache and AllowOfflineTxForUnknownId may start transactions offline before any central
     * system accepted the charge point. Off by default, as OCPP 1.6 section 4.2.1 advises: such transactions may never
     * be delivered.
     */
    public Builder offlineTransactionsBeforeAcceptance(boolean allowed) {
      this.offlineTransactionsBeforeAcceptance = allowed;
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

    /**
     * The current per phase the grid connection may carry, all connectors together, as the installer set it (the
     * fuse or the contract). The charge point holds to it whatever the ChargePointMaxProfile allows; without it the
     * connectors' ratings together are the limit.
     */
    public Builder installationLimit(double amperesPerPhase) {
      if (!(amperesPerPhase >= 0) || Double.isInfinite(amperesPerPhase)) {
        throw new IllegalArgumentException("an installation limit is 0 A or more: " + amperesPerPhase);
      }
      this.installationLimitA = Optional.of(amperesPerPhase);
      return this;
    }

    /** How the grid limit is divided among the connectors that draw; equal shares by default. */
    public Builder sharingStrategy(SharingStrategy strategy) {
      this.sharingStrategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * Where the AuthorizationKey and the private keys of the charge point's certificates are kept: a secure
     * element, or a store with owner-only files. Without one they are kept on the storage, each apart from
     * the settings.
     */
    public Builder secretStore(SecretStore store) {
      this.secretStore = Optional.of(Objects.requireNonNull(store, "store"));
      return this;
    }

    /**
     * Builds the charge point.
     *
     * @throws IllegalStateException when there is no connector, or firmware or diagnostics lack a file transfer
     * @throws IllegalArgumentException naming the keys, when a factory value, a vendor key or a configuration
     *     listener does not fit the charge point's keys
     */
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
