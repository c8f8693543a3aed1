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
import dev.kilowatt.core.storage.WriteBehind;
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
import java.util.concurrent.Executor;
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

  /** {@return a builder of a charge point on these four ports, which every charge point needs; the others are optional}
   * @param scheduler the clock and the single event loop every call of the charge point runs on
   * @param storage the crash-safe store of the configuration, the queued transaction messages and the other state
   * @param centralSystem the link to the central system, e.g. the OCPP-J WebSocket adapter
   * @param platform the board's operating system, which restarts the charge point on a Reset */
  public static Builder builder(Scheduler scheduler, Storage storage, CentralSystem centralSystem, Platform platform) {
    return new Builder(scheduler, storage, centralSystem, platform);
  }

  /** Starts the hardware listeners and connects to the central system. */
  public void start() {
    scheduler.execute(station::start);
  }

  /** {@return done once it has disconnected and stopped, with storage's last writes written; await it before closing the loop} */
  public CompletableFuture<Void> stop() {
    return EmbedderQueries.runOnLoop(scheduler, station::stop);
  }

  /** {@return each connector as it is now, connector 1 first} */
  public CompletableFuture<List<ConnectorSnapshot>> connectors() {
    return EmbedderQueries.onLoop(scheduler, station.queries::snapshot);
  }

  /** {@return the schedule a connector will follow, computed as for the central system's GetCompositeSchedule.req, so
   * that a display shows exactly what the central system would be told}
   * @param request the connectorId, duration and optional chargingRateUnit, as the central system would send them */
  public CompletableFuture<GetCompositeScheduleResponse> compositeSchedule(GetCompositeScheduleRequest request) {
    Objects.requireNonNull(request, "request");
    return EmbedderQueries.onLoop(scheduler, () -> station.queries.compositeSchedule(request));
  }

  /** {@return how many transaction messages (StartTransaction, MeterValues, StopTransaction) are saved and still wait
   * for the central system's answer: the queue that grows while the charger is offline} */
  public CompletableFuture<Integer> queuedTransactionMessages() {
    return EmbedderQueries.onLoop(scheduler, station.queries::queuedTransactionMessages);
  }

  /** {@return every configuration key and its value, secrets masked, as diagnostics report them} */
  public CompletableFuture<Map<String, String>> configuration() {
    return EmbedderQueries.onLoop(scheduler, station.queries::configurationSnapshot);
  }

  /** {@return a configuration key's value (standard or vendor) as GetConfiguration gives it; empty if unknown or secret}
   * @param key the key's name, in any case */
  public CompletableFuture<Optional<String>> configurationValue(String key) {
    Objects.requireNonNull(key, "key");
    return EmbedderQueries.onLoop(scheduler, () -> station.queries.configurationValue(key));
  }

  /** {@return the central system's DataTransfer.conf to a DataTransfer.req sent now; fails when it cannot be delivered or answered}
   * @param vendorId the vendor the call is meant for, as the central system knows it
   * @param messageId the vendor's name of the message; empty when the vendor uses none
   * @param data the payload, as the vendor defines it; empty when none */
  public CompletableFuture<DataTransferResponse> dataTransfer(String vendorId, Optional<String> messageId, Optional<String> data) {
    CompletableFuture<DataTransferResponse> result = new CompletableFuture<>();
    scheduler.execute(() -> station.queries.dataTransfer(vendorId, messageId, data, result));
    return result;
  }

  /** {@return what the charger remembers of each transaction, finished then open, accepted by the central system or not} */
  public CompletableFuture<List<TransactionRecord>> transactions() {
    return EmbedderQueries.onLoop(scheduler, station.queries::transactionRecords);
  }

  /** {@return the counts of the errors and odd events seen so far (malformed answers, time-outs, faults...), by name} */
  public Map<String, Long> counters() {
    return counters.snapshot();
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
    Executor storageWriter = WriteBehind.VIRTUAL_THREADS;
    int offlineSampleLimit = 2_000;

    private Builder(Scheduler scheduler, Storage storage, CentralSystem centralSystem, Platform platform) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      this.storage = Objects.requireNonNull(storage, "storage");
      this.centralSystem = Objects.requireNonNull(centralSystem, "centralSystem");
      this.platform = Objects.requireNonNull(platform, "platform");
    }

    /** {@return this builder, with what BootNotification.req tells of the charge point}
     * @param identity vendor, model and serial numbers; vendor "Kilowatt", model "Simulated" when not given */
    public Builder identity(ChargePointIdentity identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /** {@return this builder, with one more connector; connectors are numbered 1, 2, ... in the order added}
     * @param connector the connector's relay, control pilot, meter, rating and lock */
    public Builder connector(ConnectorHardware connector) {
      connectors.add(Objects.requireNonNull(connector, "connector"));
      return this;
    }

    /** {@return this builder, with one more card reader; every reader starts and stops transactions on any connector}
     * @param reader reports each card presented, by its idTag */
    public Builder rfidReader(RfidReader reader) {
      readers.add(Objects.requireNonNull(reader, "reader"));
      return this;
    }

    /** {@return this builder, with the ranges this charger accepts for its intervals and the sizes of its lists}
     * @param limits the limits; {@link ChargePointLimits#DEFAULT} when not given (heartbeat and sample intervals up to a day) */
    public Builder limits(ChargePointLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** {@return this builder, with the factory value of a configuration key, used until the central system changes it}
     * A later value for the same key (a CiString: in any case) replaces this one. {@link #build} fails, naming the key
     * and the reason, when the charge point has no such key, the key does not accept the value, or the key is read-only
     * and its value follows from the build (NumberOfConnectors, the limits' keys: README, Configuration).
     * @param key the key's name, in any case
     * @param value its value as GetConfiguration would report it, e.g. "true" or "60" */
    public Builder configuration(String key, String value) {
      configuration.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** {@return this builder, with factory values for many keys at once, as {@link #configuration(String, String)} takes one}
     * A factory file is read by the storage adapter, e.g. {@code FactoryConfigurationFile}; {@link #build} fails on an
     * unknown key or a bad value.
     * @param values the values by key */
    public Builder configuration(Map<String, String> values) {
      Objects.requireNonNull(values, "values").forEach(this::configuration);
      return this;
    }

    /** {@return this builder, with a configuration key of the charger maker's own, after the standard ones in GetConfiguration}
     * {@link #build} fails when the charge point already has a key of that name, whatever its case.
     * @param key the key's name, access, values allowed and factory value */
    public Builder vendorKey(VendorKey key) {
      vendorKeys.add(Objects.requireNonNull(key, "key"));
      return this;
    }

    /** {@return this builder, calling {@code listener} on the event loop with the new value after every accepted change
     * of {@code key}} Changes by the central system or the charge point itself count, not the value at start: read that
     * with {@link ChargePoint#configurationValue}. It must return quickly. {@link #build} fails when the charge point
     * has no such key.
     * @param key the key's name, in any case
     * @param listener gets the new value, as GetConfiguration would report it */
    public Builder onConfigurationChange(String key, Consumer<String> listener) {
      configurationListeners.computeIfAbsent(Objects.requireNonNull(key, "key"), k -> new ArrayList<>())
          .add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** {@return this builder, answering DataTransfer.req calls whose vendorId is {@code vendorId}; others get UnknownVendorId}
     * @param vendorId the vendor's id, compared exactly
     * @param handler answers that vendor's calls on the event loop */
    public Builder dataTransferHandler(String vendorId, DataTransferHandler handler) {
      vendors.put(Objects.requireNonNull(vendorId, "vendorId"), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /** {@return this builder, with a listener to the charge point's status changes and decisions, e.g. for a display}
     * @param listener called on the event loop; the default hears nothing */
    public Builder listener(ChargePointListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** {@return this builder, with how long to wait for the central system's answer to a call before treating it as failed}
     * @param timeout the response time-out; 30 s when not given */
    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** {@return this builder, with what downloads firmware and uploads diagnostics}
     * @param transfer the file transfer, needed by {@link #firmwareInstaller} and {@link #diagnosticsCollector} */
    public Builder fileTransfer(FileTransfer transfer) {
      this.fileTransfer = Optional.of(Objects.requireNonNull(transfer, "transfer"));
      return this;
    }

    /** {@return this builder, with UpdateFirmware} With a {@link #diagnosticsCollector} too, the charge point reports the
     * FirmwareManagement profile.
     * @param installer puts a downloaded firmware image on the board */
    public Builder firmwareInstaller(FirmwareInstaller installer) {
      this.firmwareInstaller = Optional.of(Objects.requireNonNull(installer, "installer"));
      return this;
    }

    /** {@return this builder, with GetDiagnostics}
     * @param collector gathers the diagnostics archive a GetDiagnostics.req asks for */
    public Builder diagnosticsCollector(DiagnosticsCollector collector) {
      this.diagnosticsCollector = Optional.of(Objects.requireNonNull(collector, "collector"));
      return this;
    }

    /** {@return this builder, with whether a firmware image may be downloaded while a transaction runs} It is never
     * installed during one. Off by default, as on a board whose link or memory is too small for both: the download
     * then waits for the transactions to end, with the connectors unavailable.
     * @param allowed whether the download may run alongside a transaction */
    public Builder firmwareDownloadDuringTransaction(boolean allowed) {
      this.firmwareDownloadDuringTransaction = allowed;
      return this;
    }

    /** {@return this builder, with whether the firmware may be updated only with SignedUpdateFirmware.req} The unsigned
     * UpdateFirmware.req is then answered with CALLERROR NotSupported, as L01.FR.20 of the security white paper asks.
     * Off by default, so that central systems without the security extension can still update the firmware.
     * @param signedOnly whether only signed firmware is taken */
    public Builder signedFirmwareOnly(boolean signedOnly) {
      this.signedFirmwareOnly = signedOnly;
      return this;
    }

    /** {@return this builder, with the charge point's light; with it, BlinkRepeat and LightIntensity are offered}
     * @param indicator the light those keys drive */
    public Builder indicator(Indicator indicator) {
      this.indicator = Optional.of(Objects.requireNonNull(indicator, "indicator"));
      return this;
    }

    /** {@return this builder, with whether the local list, the cache and AllowOfflineTxForUnknownId may start
     * transactions offline before any central system accepted the charge point}
     * @param allowed off by default, as OCPP 1.6 section 4.2.1 advises: such transactions may never be delivered */
    public Builder offlineTransactionsBeforeAcceptance(boolean allowed) {
      this.offlineTransactionsBeforeAcceptance = allowed;
      return this;
    }

    /** {@return this builder, with what charging profiles this charger accepts}
     * @param limits ChargeProfileMaxStackLevel and the other Smart Charging keys' values */
    public Builder smartChargingLimits(SmartChargingLimits limits) {
      this.smartChargingLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** {@return this builder, with the phase-to-neutral voltage used to turn charging limits in W into amperes}
     * @param volts the nominal voltage, in V; 230 when not given */
    public Builder nominalVoltage(double volts) {
      if (!(volts > 0)) {
        throw new IllegalArgumentException("nominal voltage must be positive: " + volts);
      }
      this.nominalVoltage = volts;
      return this;
    }

    /** {@return this builder, with where the transaction ledger is kept (docs/ledger.md)} A board gives {@code FileJournal};
     * without one the ledger is kept in the storage, saved on the {@link #storageWriter(Executor) storage writer}.
     * @param journal the durable journal of the transaction records */
    public Builder journal(Journal journal) {
      this.journal = Optional.of(Objects.requireNonNull(journal, "journal"));
      return this;
    }

    /** {@return this builder, with what writes the storage, a ledger kept in it and the secret store, off the loop} Reads
     * see a save at once; durable answers wait for the writer. By default each write runs on a virtual thread.
     * @param writer runs each write, one at a time; {@code Runnable::run} writes on the loop, as deterministic tests want */
    public Builder storageWriter(Executor writer) {
      this.storageWriter = Objects.requireNonNull(writer, "writer");
      return this;
    }

    /** {@return this builder, with how many periodic MeterValues the offline queue keeps} Beyond that they are thinned
     * where they are densest. Starts, stops and clock-aligned values are always kept.
     * @param samples at least 1; 2000 when not given */
    public Builder offlineSampleLimit(int samples) {
      if (samples < 1) {
        throw new IllegalArgumentException("the offline queue keeps at least one sample: " + samples);
      }
      this.offlineSampleLimit = samples;
      return this;
    }

    /** {@return this builder, with the current per phase the grid connection may carry, all connectors together, as the
     * installer set it (the fuse or the contract)} The charge point holds to it whatever the ChargePointMaxProfile allows.
     * @param amperesPerPhase the limit in A per phase, 0 or more; without it the connectors' ratings together are the limit */
    public Builder installationLimit(double amperesPerPhase) {
      if (!(amperesPerPhase >= 0) || Double.isInfinite(amperesPerPhase)) {
        throw new IllegalArgumentException("an installation limit is 0 A or more: " + amperesPerPhase);
      }
      this.installationLimitA = Optional.of(amperesPerPhase);
      return this;
    }

    /** {@return this builder, with how the grid limit is divided among the connectors that draw}
     * @param strategy the sharing; equal shares when not given */
    public Builder sharingStrategy(SharingStrategy strategy) {
      this.sharingStrategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /** {@return this builder, with where the AuthorizationKey and the private keys of the certificates are kept} The
     * charge point reads the store at start and changes it on the {@link #storageWriter}, off the loop, one change at a
     * time; what depends on a new secret (the answer to ChangeConfiguration, a SignCertificate.req) waits until it is
     * durable, and a change the store refuses is a fault (connector 0: InternalError, SecretWriteFailed).
     * @param store a secure element, or a store with owner-only files; without one each is kept on the storage, apart
     *     from the settings */
    public Builder secretStore(SecretStore store) {
      this.secretStore = Optional.of(Objects.requireNonNull(store, "store"));
      return this;
    }

    /** {@return the charge point, not yet started}
     * @throws IllegalStateException when there is no connector, or firmware or diagnostics lack a file transfer
     * @throws IllegalArgumentException naming the keys, when a factory value, a vendor key or a configuration
     *     listener does not fit the charge point's keys */
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
