package dev.kilowatt.core;

import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.AvailabilityStatus;
import dev.kilowatt.core.message.AvailabilityType;
import dev.kilowatt.core.message.CancelReservationRequest;
import dev.kilowatt.core.message.CancelReservationResponse;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.CertificateSignedRequest;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.ChangeAvailabilityRequest;
import dev.kilowatt.core.message.ChangeAvailabilityResponse;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.ClearChargingProfileRequest;
import dev.kilowatt.core.message.ClearChargingProfileResponse;
import dev.kilowatt.core.message.GetCompositeScheduleRequest;
import dev.kilowatt.core.message.GetCompositeScheduleResponse;
import dev.kilowatt.core.message.SetChargingProfileRequest;
import dev.kilowatt.core.message.SetChargingProfileResponse;
import dev.kilowatt.core.message.ClearCacheRequest;
import dev.kilowatt.core.message.ClearCacheResponse;
import dev.kilowatt.core.message.ClearCacheStatus;
import dev.kilowatt.core.message.DataTransferRequest;
import dev.kilowatt.core.message.DataTransferResponse;
import dev.kilowatt.core.message.DataTransferStatus;
import dev.kilowatt.core.message.ExtendedTriggerMessageRequest;
import dev.kilowatt.core.message.ExtendedTriggerMessageResponse;
import dev.kilowatt.core.message.DeleteCertificateRequest;
import dev.kilowatt.core.message.GetDiagnosticsRequest;
import dev.kilowatt.core.message.GetDiagnosticsResponse;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.GetInstalledCertificateIdsRequest;
import dev.kilowatt.core.message.GetLocalListVersionRequest;
import dev.kilowatt.core.message.GetLocalListVersionResponse;
import dev.kilowatt.core.message.GetLogRequest;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.InstallCertificateRequest;
import dev.kilowatt.core.message.MeterValue;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.RemoteStartStopStatus;
import dev.kilowatt.core.message.RemoteStartTransactionRequest;
import dev.kilowatt.core.message.RemoteStartTransactionResponse;
import dev.kilowatt.core.message.RemoteStopTransactionRequest;
import dev.kilowatt.core.message.RemoteStopTransactionResponse;
import dev.kilowatt.core.message.ReserveNowRequest;
import dev.kilowatt.core.message.ReserveNowResponse;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetResponse;
import dev.kilowatt.core.message.ResetStatus;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.message.SendLocalListRequest;
import dev.kilowatt.core.message.SendLocalListResponse;
import dev.kilowatt.core.message.SignedUpdateFirmwareRequest;
import dev.kilowatt.core.message.SignedUpdateFirmwareResponse;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.message.TriggerMessageRequest;
import dev.kilowatt.core.message.TriggerMessageResponse;
import dev.kilowatt.core.message.UnlockConnectorRequest;
import dev.kilowatt.core.message.UnlockConnectorResponse;
import dev.kilowatt.core.message.UnlockStatus;
import dev.kilowatt.core.message.UpdateFirmwareRequest;
import dev.kilowatt.core.message.UpdateFirmwareResponse;
import dev.kilowatt.core.message.UpdateStatus;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.port.RfidReader;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The charge point's domain: connectors, transactions, and the answers to the central system's calls.
 * Runs on the event loop only; {@link ChargePoint} is its thread-safe face.
 */
final class Station implements Outbox.TransactionReceiver {

  private static final System.Logger LOG = System.getLogger(Station.class.getName());
  static final String TRANSACTION_PREFIX = "transaction/";
  static final String TRANSACTION_ID_PREFIX = "transaction-id/";
  static final String AVAILABILITY_KEY = "availability";
  static final String COUNTER_KEY = "transaction-counter";
  /** The source of the connector-0 error that reports a conflict between the local list and the central system. */
  static final String LOCAL_LIST_CONFLICT = "localAuthList";
  /** How long a reset waits for the central system to take the last transaction messages. */
  static final Duration RESET_DRAIN_LIMIT = Duration.ofSeconds(10);

  /** The operative state the central system asked for, per connector (0 = the whole charge point). */
  record Availability(List<Integer> inoperative) {
    Availability {
      inoperative = inoperative == null ? List.of() : List.copyOf(new TreeSet<>(inoperative));
    }
  }

  /** The next transaction number; persisted so numbers never repeat across reboots. */
  record TransactionCounter(long next) {}

  /** The transactionId the central system assigned to one of our transactions. */
  record TransactionIds(long number, int transactionId) {}

  private final Scheduler scheduler;
  private final Storage storage;
  private final CentralSystem link;
  private final Platform platform;
  private final Configuration config;
  private final Counters counters;
  private final ChargePointListener listener;
  private final Outbox outbox;
  private final Session.StationClock clock;
  private final Session session;
  private final Authorization authorization;
  private final LocalAuthList localList;
  private final Reservations reservations;
  private final SmartCharging smartCharging;
  private final Security security;
  private final StatusReporter status;
  private final List<Connector> connectors = new ArrayList<>();
  private final List<RfidReader> readers;
  private final Map<String, HardwareFault> stationFaults = new LinkedHashMap<>();
  private final Map<String, DataTransferHandler> vendors;
  private final Map<Integer, Scheduler.Timer> sampleTimers = new HashMap<>();
  private Scheduler.Timer alignedTimer;
  private final java.util.Set<Integer> inoperative = new TreeSet<>();
  private final Optional<FirmwareUpdate> firmware;
  private final Optional<DiagnosticsUpload> diagnostics;
  private final RemoteTrigger trigger;
  /** Whether UpdateFirmware.req is refused in favour of SignedUpdateFirmware.req (white paper L01.FR.20). */
  private final boolean signedFirmwareOnly;
  /** Whether a firmware update keeps the connectors unavailable. */
  private boolean firmwareHold;
  private long nextTransactionNumber;
  private boolean resetting;
  private boolean stopped;

  Station(ChargePoint.Builder setup, Counters counters) {
    this.scheduler = setup.scheduler;
    this.storage = setup.storage;
    TrafficLog traffic = new TrafficLog(setup.scheduler::now, Set.of(SecurityKeys.AUTHORIZATION_KEY));
    this.link = setup.diagnosticsCollector.isPresent() ? traffic.wrap(setup.centralSystem) : setup.centralSystem;
    this.platform = setup.platform;
    this.listener = setup.listener;
    this.counters = counters;
    this.vendors = Map.copyOf(setup.vendors);
    this.readers = List.copyOf(setup.readers);
    this.config = new Configuration(storage, setup.configuration);
    boolean firmwareManagement = setup.firmwareInstaller.isPresent() && setup.diagnosticsCollector.isPresent();
    CoreKeys.define(config, setup.limits, setup.connectors.size(),
        "Core" + (firmwareManagement ? ",FirmwareManagement" : "") + ",LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger");
    setup.fileTransfer.ifPresent(transfer -> config.define(
        CoreKeys.readOnly(CoreKeys.SUPPORTED_FILE_TRANSFER_PROTOCOLS, String.join(",", transfer.protocols()))));
    this.clock = new Session.StationClock(scheduler);
    this.outbox = new Outbox(scheduler, storage, config, setup.responseTimeout, counters);
    this.session = new Session(scheduler, outbox, config, setup.identity.bootNotification(), clock, this::onAccepted,
        this::onReconnected);
    this.security = new Security(scheduler, storage, config, outbox, link, clock, setup.identity.serialNumber(), counters);
    this.localList = new LocalAuthList(config, storage, counters);
    this.authorization = new Authorization(config, storage, outbox, clock::now, localList::find, this::localListConflict);
    this.reservations = new Reservations(scheduler, storage, config, clock::now, this::refreshAll);
    this.status = new StatusReporter(scheduler, outbox, config, clock::now);
    this.smartCharging = new SmartCharging(scheduler, storage, config, clock::now, setup.connectors.size(), setup.smartChargingLimits,
        setup.nominalVoltage, this::refreshAll);
    for (int i = 0; i < setup.connectors.size(); i++) {
      connectors.add(new Connector(i + 1, setup.connectors.get(i)));
    }
    this.firmware = setup.firmwareInstaller.map(installer -> new FirmwareUpdate(scheduler, storage, outbox, counters, clock::now,
        setup.fileTransfer.orElseThrow(), installer, () -> security.rootCertificates(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE),
        setup.firmwareDownloadDuringTransaction, setup.identity.firmwareVersion(), new FirmwareUpdate.Hooks(this::post, this::transactionsRunning, this::holdForFirmware,
            this::rebootForFirmware, security.events()::raise)));
    this.signedFirmwareOnly = setup.signedFirmwareOnly;
    this.diagnostics = setup.diagnosticsCollector.map(collector -> new DiagnosticsUpload(scheduler, storage, outbox, counters, clock::now,
        setup.fileTransfer.orElseThrow(), collector, config::snapshotMasked, traffic, security.events()::log, this::post));
    this.trigger = new RemoteTrigger(connectors.size(), new RemoteTrigger.Messages(session::sendBootNotification,
        () -> session.sendHeartbeat(Outbox.Gate.ANY_TIME), id -> status.send(id, Outbox.Gate.ANY_TIME), this::sendTriggeredMeterValues,
        firmware.<Runnable>map(f -> f::sendCurrentStatus), diagnostics.<Runnable>map(d -> d::sendCurrentStatus),
        firmware.<Runnable>map(f -> f::sendSignedStatus), diagnostics.<Runnable>map(d -> d::sendLogStatus),
        new RemoteTrigger.WhenReady(security::readyToSign, security::requestCertificateSigning)));
    outbox.attach(link, this);
    nextTransactionNumber = storage.load(COUNTER_KEY, TransactionCounter.class).map(TransactionCounter::next).orElse(1L);
    storage.load(AVAILABILITY_KEY, Availability.class).ifPresent(a -> inoperative.addAll(a.inoperative()));
    config.onChange(CoreKeys.CLOCK_ALIGNED_DATA_INTERVAL, v -> armAlignedTimer());
    config.onChange(CoreKeys.METER_VALUE_SAMPLE_INTERVAL, v -> connectors.forEach(this::armSampling));
    config.onChange(CoreKeys.WEB_SOCKET_PING_INTERVAL, v -> link.reconfigure(connectionSettings()));
    config.onChange(CoreKeys.MAX_ENERGY_ON_INVALID_ID, v -> refreshAll());
  }

  // ---------------------------------------------------------------- life cycle

  void start() {
    recoverInterruptedTransactions();
    applyAvailability();
    for (Connector c : connectors) {
      ConnectorEvents events = new ConnectorEvents(c);
      c.hardware.relay().start(events);
      c.hardware.pilot().start(events);
      c.hardware.meter().start(events);
    }
    for (RfidReader reader : readers) {
      reader.start(new RfidReader.Listener() {
        @Override
        public void onCardPresented(String idTag) {
          post(() -> cardPresented(idTag));
        }

        @Override
        public void onFault(HardwareFault fault) {
          post(() -> stationFault(fault));
        }

        @Override
        public void onFaultCleared(String source) {
          post(() -> stationFaultCleared(source));
        }
      });
    }
    refreshAll();
    armAlignedTimer();
    security.start();
    firmware.ifPresent(FirmwareUpdate::resume);
    diagnostics.ifPresent(DiagnosticsUpload::resume);
    link.connect(connectionSettings(), new CentralSystem.Listener() {
      @Override
      public void onConnected() {
        post(() -> {
          security.connected();
          session.connected();
        });
      }

      @Override
      public void onDisconnected(String reason) {
        post(() -> {
          LOG.log(Level.INFO, "connection to the central system lost: {0}", reason);
          session.disconnected();
          security.disconnected();
        });
      }

      @Override
      public void onSecurityEvent(String type, String techInfo) {
        post(() -> security.events().reported(type, techInfo));
      }

      @Override
      public void onCallResult(String callId, Response response) {
        post(() -> outbox.onResult(callId, response));
      }

      @Override
      public void onCallError(String callId, CallError error) {
        post(() -> outbox.onError(callId, error));
      }

      @Override
      public void onCall(String callId, CentralSystemRequest<?> request) {
        post(() -> handle(callId, request));
      }
    });
  }

  /** One connector's hardware events, from whichever thread the adapters use, onto the event loop. */
  private final class ConnectorEvents
      implements dev.kilowatt.core.port.Relay.Listener, dev.kilowatt.core.port.ControlPilot.Listener, dev.kilowatt.core.port.EnergyMeter.Listener {
    private final Connector connector;

    ConnectorEvents(Connector connector) {
      this.connector = connector;
    }

    @Override
    public void onStateChanged(PilotState state) {
      post(() -> pilotChanged(connector, state));
    }

    @Override
    public void onReading(MeterReading reading) {
      post(() -> meterReading(connector, reading));
    }

    @Override
    public void onFault(HardwareFault fault) {
      post(() -> fault(connector, fault));
    }

    @Override
    public void onFaultCleared(String source) {
      post(() -> faultCleared(connector, source));
    }
  }

  void stop() {
    stopped = true;
    reservations.stop();
    smartCharging.stop();
    firmware.ifPresent(FirmwareUpdate::stop);
    diagnostics.ifPresent(DiagnosticsUpload::stop);
    security.stop();
    link.disconnect();
  }

  private void post(Runnable task) {
    scheduler.execute(() -> {
      if (!stopped) {
        task.run();
      }
    });
  }

  private ConnectionSettings connectionSettings() {
    return security.connectionSettings();
  }

  private void onAccepted() {
    status.reportAll();
    deliverProgress();
    security.accepted();
  }

  private void onReconnected() {
    status.reportChanges();
    deliverProgress();
    security.accepted();
  }

  /** Firmware and diagnostics statuses the central system has not heard yet. */
  private void deliverProgress() {
    firmware.ifPresent(FirmwareUpdate::online);
    diagnostics.ifPresent(DiagnosticsUpload::online);
  }

  // ---------------------------------------------------------------- hardware events

  private void pilotChanged(Connector c, PilotState state) {
    if (state == PilotState.E || state == PilotState.F) {
      // A disabled or shorted pilot hides the EV: keep what we knew until the pilot reads a real state again.
      LOG.log(Level.DEBUG, "connector {0}: pilot reads {1}", c.id, state);
      return;
    }
    PilotState before = c.pilot;
    c.pilot = state;
    if (!before.evConnected() && state.evConnected()) {
      c.finishing = false;
      c.pendingStart.ifPresent(p -> {
        p.timeout().cancel();
        c.pendingStart = Optional.empty();
        startTransaction(c, p.idTag(), p.info(), p.reservationId(), p.txProfile());
      });
    } else if (before.evConnected() && !state.evConnected()) {
      c.finishing = false;
      if (c.transaction.isPresent() && config.bool(CoreKeys.STOP_TRANSACTION_ON_EV_SIDE_DISCONNECT)) {
        stopTransaction(c, Reason.EV_DISCONNECTED, Optional.empty());
      }
    }
    refresh(c);
  }

  private void meterReading(Connector c, MeterReading reading) {
    c.reading = Optional.of(reading);
    c.transaction.ifPresent(tx -> c.transaction = Optional.of(tx.seen(reading.energyImportWh(), clock.now())));
    refresh(c);
  }

  private void fault(Connector c, HardwareFault fault) {
    LOG.log(Level.WARNING, "connector {0}: {1}", c.id, fault);
    counters.increment("fault." + fault.errorCode().ocppValue());
    c.faults.put(fault.source(), fault);
    refresh(c);
  }

  private void faultCleared(Connector c, String source) {
    if (c.faults.remove(source) != null) {
      refresh(c);
    }
  }

  private void stationFault(HardwareFault fault) {
    LOG.log(Level.WARNING, "charge point: {0}", fault);
    counters.increment("fault." + fault.errorCode().ocppValue());
    stationFaults.put(fault.source(), fault);
    refreshStation();
  }

  private void stationFaultCleared(String source) {
    if (stationFaults.remove(source) != null) {
      refreshStation();
    }
  }

  /**
   * Re-derives a connector's status and what its pilot and relay must do, and reports changes. Whether
   * connector-0 reservations hold a connector depends on the others, so theirs may change with it.
   */
  private void refresh(Connector c) {
    List<Connector> reservedChanged = reservations.update(connectors);
    report(c);
    reservedChanged.stream().filter(other -> other != c).forEach(this::report);
  }

  private void report(Connector c) {
    int maxEnergy = config.integer(CoreKeys.MAX_ENERGY_ON_INVALID_ID);
    c.limitA = smartCharging.limitA(c);
    c.applyEnergyControl(maxEnergy);
    publish(c.id, c.report(maxEnergy));
  }

  /** Hands a connector's status to the reporter, and tells the embedder when its status or error changed. */
  private void publish(int connectorId, Connector.Report now) {
    Connector.Report before = status.current(connectorId).orElse(null);
    status.update(connectorId, now);
    if (before == null || before.status() != now.status() || before.errorCode() != now.errorCode()) {
      listener.onStatusChanged(connectorId, now.status(), now.errorCode());
    }
  }

  private void refreshAll() {
    refreshStation();
    connectors.forEach(this::refresh);
  }

  private void refreshStation() {
    var statusNow = inoperative.contains(0) ? dev.kilowatt.core.message.ChargePointStatus.UNAVAILABLE
        : dev.kilowatt.core.message.ChargePointStatus.AVAILABLE;
    publish(0, Connector.Report.of(statusNow, stationFaults.values()));
  }

  // ---------------------------------------------------------------- authorization and local start/stop

  private void cardPresented(String idTag) {
    if (resetting) {
      return;
    }
    Optional<Connector> running = connectors.stream().filter(c -> c.transaction.filter(tx -> tx.idTag().equalsIgnoreCase(idTag)).isPresent()).findFirst();
    if (running.isPresent()) {
      listener.onCardDecision(idTag, true);
      stopTransaction(running.get(), Reason.LOCAL, Optional.of(idTag));
      return;
    }
    Optional<Connector> pending = connectors.stream().filter(c -> c.pendingStart.filter(p -> p.idTag().equalsIgnoreCase(idTag)).isPresent()).findFirst();
    if (pending.isPresent()) {
      cancelPendingStart(pending.get());
      return;
    }
    if (reservations.turnAway(connectors, idTag)) {
      // Section 5.13: the free connectors are reserved for others; no need to ask the central system.
      LOG.log(Level.INFO, "card {0} refused: the free connectors are reserved", idTag);
      listener.onCardDecision(idTag, false);
      return;
    }
    if (connectors.stream().allMatch(c -> c.transaction.isPresent() && c.transaction.get().parentIdTag().isEmpty())) {
      // Nothing to start, and only the cards that started them stop these transactions: an Authorize.req
      // could change nothing, and the OCA test TC_068 expects none.
      LOG.log(Level.INFO, "card {0} refused: every connector is busy with another card''s transaction", idTag);
      listener.onCardDecision(idTag, false);
      return;
    }
    authorization.authorize(idTag, info -> {
      boolean accepted = info.status() == AuthorizationStatus.ACCEPTED;
      Optional<Connector> sameGroup = info.parentIdTag().flatMap(parent -> connectors.stream()
          .filter(c -> c.transaction.flatMap(Transaction::parentIdTag).filter(parent::equalsIgnoreCase).isPresent()).findFirst());
      if (sameGroup.isPresent()) {
        listener.onCardDecision(idTag, true);
        stopTransaction(sameGroup.get(), Reason.LOCAL, Optional.of(idTag));
        return;
      }
      listener.onCardDecision(idTag, accepted);
      if (accepted) {
        reservations.choose(connectors, Optional.empty(), Reservations.Driver.known(idTag, info.parentIdTag()))
            .ifPresentOrElse(start -> prepareStart(start.connector(), idTag, info, start.reservationId(), Optional.empty()),
                () -> LOG.log(Level.INFO, "card {0} accepted, but no connector is free for it", idTag));
      }
    });
  }

  /** Starts now if the EV is plugged in, else waits ConnectionTimeOut for it. */
  private void prepareStart(Connector c, String idTag, IdTagInfo info, Optional<Integer> reservationId,
      Optional<ChargingProfile> txProfile) {
    if (c.pilot.evConnected()) {
      startTransaction(c, idTag, info, reservationId, txProfile);
      return;
    }
    Scheduler.Timer timeout = scheduler.schedule(Duration.ofSeconds(config.integer(CoreKeys.CONNECTION_TIME_OUT)), () -> {
      LOG.log(Level.INFO, "connector {0}: no EV plugged in within ConnectionTimeOut, authorization dropped", c.id);
      c.pendingStart = Optional.empty();
      refresh(c);
    });
    c.pendingStart = Optional.of(new Connector.PendingStart(idTag, info, reservationId, txProfile, timeout));
    refresh(c);
  }

  private void cancelPendingStart(Connector c) {
    c.pendingStart.ifPresent(p -> p.timeout().cancel());
    c.pendingStart = Optional.empty();
    refresh(c);
  }

  // ---------------------------------------------------------------- transactions

  private void startTransaction(Connector c, String idTag, IdTagInfo info, Optional<Integer> reservationId,
      Optional<ChargingProfile> txProfile) {
    reservationId = reservationId.filter(reservations::use);
    long number = nextTransactionNumber++;
    storage.save(COUNTER_KEY, new TransactionCounter(nextTransactionNumber));
    Instant now = clock.now();
    Transaction tx = Transaction.begin(number, c.id, idTag, info.parentIdTag(), now, c.energyWh(), reservationId);
    List<String> stopSampled = config.list(CoreKeys.STOP_TXN_SAMPLED_DATA);
    if (!stopSampled.isEmpty() && c.reading.isPresent()) {
      tx = tx.withStopSample(sample(c, stopSampled, ReadingContext.TRANSACTION_BEGIN));
    }
    c.transaction = Optional.of(tx);
    c.finishing = false;
    storage.save(TRANSACTION_PREFIX + c.id, tx);
    outbox.sendTransactional(number, new StartTransactionRequest(c.id, idTag, (int) tx.meterStartWh(), reservationId, now));
    txProfile.ifPresent(profile -> smartCharging.installForNewTransaction(c, profile));
    armSampling(c);
    refresh(c);
  }

  private void stopTransaction(Connector c, Reason reason, Optional<String> idTag) {
    Transaction tx = c.transaction.orElseThrow();
    Instant now = clock.now();
    List<String> stopSampled = config.list(CoreKeys.STOP_TXN_SAMPLED_DATA);
    if (!stopSampled.isEmpty() && c.reading.isPresent()) {
      tx = tx.withStopSample(sample(c, stopSampled, ReadingContext.TRANSACTION_END));
    }
    queueStop(tx, (long) Math.floor(c.energyWh()), now, reason, idTag);
    storage.delete(TRANSACTION_PREFIX + c.id);
    c.transaction = Optional.empty();
    c.finishing = c.pilot.evConnected();
    cancelSampling(c);
    smartCharging.transactionEnded(c);
    applyAvailability();
    refresh(c);
    firmware.ifPresent(f -> post(f::transactionEnded));
  }

  private void queueStop(Transaction tx, long meterStopWh, Instant at, Reason reason, Optional<String> idTag) {
    // the transactionId is filled in when the message goes out: a transaction started offline has none yet
    outbox.sendTransactional(tx.number(), new StopTransactionRequest(idTag, (int) Math.max(meterStopWh, tx.meterStartWh()), at,
        tx.transactionId().orElse(0), Optional.of(reason), tx.stopData()));
  }

  /** A transaction saved but never stopped means the power went while it ran (AQ-7.2: report after the boot). */
  private void recoverInterruptedTransactions() {
    for (Connector c : connectors) {
      storage.load(TRANSACTION_PREFIX + c.id, Transaction.class).ifPresent(tx -> {
        boolean stopAlreadyQueued = outbox.pendingTransactionMessages().stream()
            .anyMatch(q -> q.transaction() == tx.number() && q.request() instanceof StopTransactionRequest);
        if (!stopAlreadyQueued) {
          LOG.log(Level.WARNING, "connector {0}: transaction {1} was interrupted by a power loss", c.id, tx.number());
          queueStop(tx, (long) Math.floor(tx.lastEnergyWh()), tx.lastSeen(), Reason.POWER_LOSS, Optional.empty());
        }
        storage.delete(TRANSACTION_PREFIX + c.id);
      });
    }
  }

  @Override
  public Optional<ChargePointRequest<?>> prepare(Outbox.Queued queued) {
    return switch (queued.request()) {
      case StopTransactionRequest stop -> transactionIdOf(queued.transaction())
          .map(id -> new StopTransactionRequest(stop.idTag(), stop.meterStop(), stop.timestamp(), id, stop.reason(), stop.transactionData()));
      case MeterValuesRequest values -> transactionIdOf(queued.transaction())
          .map(id -> new MeterValuesRequest(values.connectorId(), Optional.of(id), values.meterValue()));
      default -> Optional.of(queued.request());
    };
  }

  private Optional<Integer> transactionIdOf(long number) {
    Optional<Integer> id = connectors.stream().flatMap(c -> c.transaction.stream()).filter(tx -> tx.number() == number).findFirst()
        .flatMap(Transaction::transactionId)
        .or(() -> storage.load(TRANSACTION_ID_PREFIX + number, TransactionIds.class).map(TransactionIds::transactionId));
    if (id.isEmpty()) {
      counters.increment("transaction.messageWithoutId");
      LOG.log(Level.ERROR, "transaction {0} never got a transactionId from the central system; dropping its message", number);
    }
    return id;
  }

  @Override
  public void onAnswered(Outbox.Queued queued, Response response) {
    switch (response) {
      case StartTransactionResponse started -> transactionStarted(queued, started);
      case StopTransactionResponse stopped -> {
        StopTransactionRequest request = (StopTransactionRequest) queued.request();
        stopped.idTagInfo().ifPresent(info -> request.idTag().ifPresent(tag -> authorization.remember(tag, info)));
        storage.delete(TRANSACTION_ID_PREFIX + queued.transaction());
      }
      default -> {}
    }
  }

  @Override
  public void onGivenUp(Outbox.Queued queued) {
    if (queued.request() instanceof StopTransactionRequest) {
      storage.delete(TRANSACTION_ID_PREFIX + queued.transaction());
    }
  }

  private void transactionStarted(Outbox.Queued queued, StartTransactionResponse answer) {
    StartTransactionRequest request = (StartTransactionRequest) queued.request();
    storage.save(TRANSACTION_ID_PREFIX + queued.transaction(), new TransactionIds(queued.transaction(), answer.transactionId()));
    authorization.remember(request.idTag(), answer.idTagInfo());
    for (Connector c : connectors) {
      if (c.transaction.filter(tx -> tx.number() == queued.transaction()).isEmpty()) {
        continue;
      }
      Transaction tx = c.transaction.get().withTransactionId(answer.transactionId())
          .withParentIdTag(answer.idTagInfo().parentIdTag().or(() -> c.transaction.get().parentIdTag()));
      if (answer.idTagInfo().status() != AuthorizationStatus.ACCEPTED) {
        LOG.log(Level.INFO, "connector {0}: the central system did not accept {1}: {2}", c.id, request.idTag(), answer.idTagInfo().status());
        tx = tx.deauthorize();
      }
      c.transaction = Optional.of(tx);
      storage.save(TRANSACTION_PREFIX + c.id, tx);
      if (tx.deauthorized() && config.bool(CoreKeys.STOP_TRANSACTION_ON_INVALID_ID)) {
        stopTransaction(c, Reason.DE_AUTHORIZED, Optional.empty());
      } else {
        refresh(c);
      }
    }
  }

  // ---------------------------------------------------------------- meter values

  private MeterValue sample(Connector c, List<String> measurands, ReadingContext context) {
    MeterReading reading = c.reading.orElse(new MeterReading(c.energyWh(), 0, List.of()));
    return Sampling.meterValue(clock.now(), reading, c.offeredA(config.integer(CoreKeys.MAX_ENERGY_ON_INVALID_ID)), measurands, context);
  }

  private void armSampling(Connector c) {
    cancelSampling(c);
    int interval = config.integer(CoreKeys.METER_VALUE_SAMPLE_INTERVAL);
    if (c.transaction.isEmpty() || interval <= 0) {
      return;
    }
    sampleTimers.put(c.id, scheduler.schedule(Duration.ofSeconds(interval), () -> {
      sampleTimers.remove(c.id);
      sampleTransaction(c, ReadingContext.SAMPLE_PERIODIC, config.list(CoreKeys.METER_VALUES_SAMPLED_DATA),
          config.list(CoreKeys.STOP_TXN_SAMPLED_DATA));
      armSampling(c);
    }));
  }

  private void cancelSampling(Connector c) {
    Scheduler.Timer timer = sampleTimers.remove(c.id);
    if (timer != null) {
      timer.cancel();
    }
  }

  /** A periodic or clock-aligned sample of a running transaction: sent as MeterValues and kept for StopTransaction. */
  private void sampleTransaction(Connector c, ReadingContext context, List<String> sent, List<String> kept) {
    Transaction tx = c.transaction.orElseThrow();
    if (c.reading.isEmpty()) {
      return;
    }
    if (!kept.isEmpty()) {
      tx = tx.withStopSample(sample(c, kept, context));
    }
    tx = tx.seen(c.energyWh(), clock.now());
    c.transaction = Optional.of(tx);
    // Saved before the sample leaves: a power loss right after it must not stop the transaction below it.
    storage.save(TRANSACTION_PREFIX + c.id, tx);
    if (!sent.isEmpty()) {
      outbox.sendTransactional(tx.number(), new MeterValuesRequest(c.id, tx.transactionId(), List.of(sample(c, sent, context))));
    }
  }

  private void armAlignedTimer() {
    if (alignedTimer != null) {
      alignedTimer.cancel();
      alignedTimer = null;
    }
    int interval = config.integer(CoreKeys.CLOCK_ALIGNED_DATA_INTERVAL);
    if (interval <= 0) {
      return;
    }
    Instant now = clock.now();
    long secondsOfDay = now.getEpochSecond() % 86_400;
    long untilNext = interval - (secondsOfDay % interval);
    Duration wait = Duration.ofSeconds(untilNext).minusNanos(now.getNano());
    alignedTimer = scheduler.schedule(wait, () -> {
      alignedTimer = null;
      clockAlignedSample();
      armAlignedTimer();
    });
  }

  private void clockAlignedSample() {
    List<String> aligned = config.list(CoreKeys.METER_VALUES_ALIGNED_DATA);
    List<String> kept = config.list(CoreKeys.STOP_TXN_ALIGNED_DATA);
    for (Connector c : connectors) {
      if (c.transaction.isPresent()) {
        sampleTransaction(c, ReadingContext.SAMPLE_CLOCK, aligned, kept);
      } else if (!aligned.isEmpty() && c.reading.isPresent() && outbox.canSendNow()) {
        outbox.send(new MeterValuesRequest(c.id, Optional.empty(), List.of(sample(c, aligned, ReadingContext.SAMPLE_CLOCK))),
            Outbox.Gate.AFTER_ACCEPTANCE, answer -> {}, failure -> {});
      }
    }
  }

  // ---------------------------------------------------------------- calls from the central system

  private void handle(String callId, CentralSystemRequest<?> request) {
    if (session.rejected()) {
      counters.increment("call.ignoredWhileRejected");
      LOG.log(Level.WARNING, "ignoring {0}: the central system rejected this charge point", request.action().ocppName());
      return;
    }
    switch (request) {
      case ChangeAvailabilityRequest r -> link.reply(callId, changeAvailability(r));
      case ChangeConfigurationRequest r -> link.reply(callId, new ChangeConfigurationResponse(config.change(r.key(), r.value())));
      case ClearCacheRequest r -> {
        authorization.clearCache();
        link.reply(callId, new ClearCacheResponse(ClearCacheStatus.ACCEPTED));
      }
      case DataTransferRequest r -> link.reply(callId, dataTransfer(r));
      case GetConfigurationRequest r -> getConfiguration(callId, r);
      case RemoteStartTransactionRequest r -> remoteStart(callId, r);
      case RemoteStopTransactionRequest r -> remoteStop(callId, r);
      case GetLocalListVersionRequest r -> link.reply(callId, new GetLocalListVersionResponse(localList.version()));
      case SendLocalListRequest r -> sendLocalList(callId, r);
      case SetChargingProfileRequest r ->
          link.reply(callId, new SetChargingProfileResponse(smartCharging.install(r.connectorId(), r.csChargingProfiles(), connectors)));
      case ClearChargingProfileRequest r -> link.reply(callId, new ClearChargingProfileResponse(smartCharging.clear(r)));
      case GetCompositeScheduleRequest r -> link.reply(callId, compositeSchedule(r));
      case ReserveNowRequest r -> {
        link.reply(callId, new ReserveNowResponse(reservations.reserve(r, connectors)));
        refreshAll();
      }
      case CancelReservationRequest r -> {
        link.reply(callId, new CancelReservationResponse(reservations.cancel(r.reservationId())));
        refreshAll();
      }
      case ResetRequest r -> reset(callId, r);
      case UnlockConnectorRequest r -> link.reply(callId, unlock(r));
      case InstallCertificateRequest r -> link.reply(callId, security.install(r));
      case DeleteCertificateRequest r -> link.reply(callId, security.delete(r));
      case GetInstalledCertificateIdsRequest r -> link.reply(callId, security.installedIds(r));
      case CertificateSignedRequest r -> link.reply(callId, security.certificateSigned(r));
      case TriggerMessageRequest r -> decide(callId, trigger.decide(r), TriggerMessageResponse::new);
      case ExtendedTriggerMessageRequest r -> decide(callId, trigger.decide(r), ExtendedTriggerMessageResponse::new);
      case UpdateFirmwareRequest r when firmware.isPresent() && signedFirmwareOnly -> link.replyError(callId,
          new CallError(CallError.Code.NOT_SUPPORTED, "this charge point installs signed firmware only: use SignedUpdateFirmware"));
      case UpdateFirmwareRequest r when firmware.isPresent() -> {
        link.reply(callId, new UpdateFirmwareResponse());
        afterReply(() -> firmware.get().schedule(r));
      }
      case SignedUpdateFirmwareRequest r when firmware.isPresent() -> decide(callId, firmware.get().accept(r), SignedUpdateFirmwareResponse::new);
      case GetDiagnosticsRequest r when diagnostics.isPresent() -> getDiagnostics(callId, r, diagnostics.get());
      case GetLogRequest r when diagnostics.isPresent() -> decide(callId, diagnostics.get().accept(r), answer -> answer);
      default -> link.replyError(callId, new CallError(CallError.Code.NOT_IMPLEMENTED,
          request.action().ocppName() + " belongs to a feature profile this charge point does not support"));
    }
  }

  private void afterReply(Runnable work) {
    post(work);
  }

  private <A> void decide(String callId, Decision<A> decision, Function<A, Response> response) {
    link.reply(callId, response.apply(decision.answer()));
    decision.work().ifPresent(this::afterReply);
  }

  private ChangeAvailabilityResponse changeAvailability(ChangeAvailabilityRequest r) {
    if (r.connectorId() < 0 || r.connectorId() > connectors.size()) {
      return new ChangeAvailabilityResponse(AvailabilityStatus.REJECTED);
    }
    if (r.type() == AvailabilityType.INOPERATIVE) {
      inoperative.add(r.connectorId());
    } else {
      inoperative.remove(r.connectorId());
    }
    storage.save(AVAILABILITY_KEY, new Availability(List.copyOf(inoperative)));
    List<Connector> affected = r.connectorId() == 0 ? connectors : List.of(connectors.get(r.connectorId() - 1));
    boolean busy = r.type() == AvailabilityType.INOPERATIVE && affected.stream().anyMatch(c -> c.transaction.isPresent());
    afterReply(() -> {
      applyAvailability();
      refreshAll();
    });
    return new ChangeAvailabilityResponse(busy ? AvailabilityStatus.SCHEDULED : AvailabilityStatus.ACCEPTED);
  }

  /** A connector becomes inoperative as asked, but only once its transaction is over. */
  private void applyAvailability() {
    for (Connector c : connectors) {
      boolean wanted = !firmwareHold && !inoperative.contains(0) && !inoperative.contains(c.id);
      if (wanted || c.transaction.isEmpty()) {
        c.operative = wanted;
        if (!wanted) {
          c.pendingStart.ifPresent(p -> p.timeout().cancel());
          c.pendingStart = Optional.empty();
        }
      }
    }
  }

  private DataTransferResponse dataTransfer(DataTransferRequest r) {
    DataTransferHandler handler = vendors.get(r.vendorId());
    if (handler == null) {
      return new DataTransferResponse(DataTransferStatus.UNKNOWN_VENDOR_ID, Optional.empty());
    }
    try {
      return handler.handle(r.messageId(), r.data());
    } catch (RuntimeException e) {
      counters.increment("dataTransfer.handlerFailed");
      LOG.log(Level.ERROR, "DataTransfer handler of " + r.vendorId() + " failed", e);
      return new DataTransferResponse(DataTransferStatus.REJECTED, Optional.empty());
    }
  }

  private void getConfiguration(String callId, GetConfigurationRequest r) {
    int max = config.integer(CoreKeys.GET_CONFIGURATION_MAX_KEYS);
    if (r.key().size() > max) {
      link.replyError(callId, new CallError(CallError.Code.OCCURENCE_CONSTRAINT_VIOLATION,
          "at most " + max + " keys per request (GetConfigurationMaxKeys)"));
      return;
    }
    Configuration.Lookup lookup = config.lookup(r.key());
    link.reply(callId, new GetConfigurationResponse(lookup.known(), lookup.unknown()));
  }

  private void remoteStart(String callId, RemoteStartTransactionRequest r) {
    Optional<Integer> requested = r.connectorId();
    boolean validConnector = requested.map(id -> id >= 1 && id <= connectors.size()).orElse(true);
    boolean authorize = config.bool(CoreKeys.AUTHORIZE_REMOTE_TX_REQUESTS);
    // Without authorization, only what the list or the cache know of the idTag can match a reservation's parent.
    Reservations.Driver driver = authorize ? Reservations.Driver.beforeAuthorization(r.idTag())
        : Reservations.Driver.known(r.idTag(), authorization.knownLocally(r.idTag()).flatMap(IdTagInfo::parentIdTag));
    boolean profileAcceptable = r.chargingProfile().map(SmartCharging::acceptableForRemoteStart).orElse(true);
    Optional<Reservations.Start> target = validConnector && profileAcceptable && !resetting && !session.pending()
        ? reservations.choose(connectors, requested, driver) : Optional.empty();
    if (target.isEmpty()) {
      link.reply(callId, new RemoteStartTransactionResponse(RemoteStartStopStatus.REJECTED));
      return;
    }
    link.reply(callId, new RemoteStartTransactionResponse(RemoteStartStopStatus.ACCEPTED));
    Connector c = target.get().connector();
    afterReply(() -> {
      if (!c.free()) {
        return;
      }
      if (authorize) {
        authorization.authorize(r.idTag(), info -> {
          if (info.status() == AuthorizationStatus.ACCEPTED) {
            reservations.choose(connectors, Optional.of(c.id), Reservations.Driver.known(r.idTag(), info.parentIdTag()))
                .ifPresent(start -> prepareStart(c, r.idTag(), info, start.reservationId(), r.chargingProfile()));
          }
        });
      } else {
        reservations.choose(connectors, Optional.of(c.id), driver).ifPresent(start ->
            prepareStart(c, r.idTag(), new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.empty()), start.reservationId(),
                r.chargingProfile()));
      }
    });
  }

  private void sendLocalList(String callId, SendLocalListRequest r) {
    UpdateStatus status = localList.update(r);
    link.reply(callId, new SendLocalListResponse(status));
    if (status == UpdateStatus.ACCEPTED) {
      stationFaultCleared(LOCAL_LIST_CONFLICT);
    }
  }

  /** Section 3.5.2: the central system contradicts the list; connector 0 reports it until a new list arrives. */
  private void localListConflict(String idTag) {
    stationFault(new HardwareFault(LOCAL_LIST_CONFLICT, ChargePointErrorCode.LOCAL_LIST_CONFLICT, "", "idTag " + idTag));
  }

  private void remoteStop(String callId, RemoteStopTransactionRequest r) {
    Optional<Connector> target = connectors.stream()
        .filter(c -> c.transaction.flatMap(Transaction::transactionId).filter(id -> id == r.transactionId()).isPresent()).findFirst();
    link.reply(callId, new RemoteStopTransactionResponse(target.isPresent() ? RemoteStartStopStatus.ACCEPTED : RemoteStartStopStatus.REJECTED));
    target.ifPresent(c -> afterReply(() -> {
      if (c.transaction.flatMap(Transaction::transactionId).filter(id -> id == r.transactionId()).isPresent()) {
        stopTransaction(c, Reason.REMOTE, Optional.empty());
      }
    }));
  }

  private UnlockConnectorResponse unlock(UnlockConnectorRequest r) {
    // Nothing to unlock on a fixed cable, and no connector without one has a lock port yet.
    return new UnlockConnectorResponse(UnlockStatus.NOT_SUPPORTED);
  }

  private void reset(String callId, ResetRequest r) {
    if (resetting || firmware.filter(FirmwareUpdate::installing).isPresent()) {
      link.reply(callId, new ResetResponse(ResetStatus.REJECTED));
      return;
    }
    resetting = true;
    link.reply(callId, new ResetResponse(ResetStatus.ACCEPTED));
    Reason reason = r.type() == ResetType.HARD ? Reason.HARD_RESET : Reason.SOFT_RESET;
    afterReply(() -> {
      connectors.stream().filter(c -> c.transaction.isPresent()).forEach(c -> stopTransaction(c, reason, Optional.empty()));
      security.events().raise(SecurityEvent.RESET_OR_REBOOT, r.type().ocppValue() + " reset asked by the central system");
      connectors.forEach(c -> {
        cancelPendingStart(c);
        c.hardware.relay().open();
      });
      Instant deadline = scheduler.now().plus(RESET_DRAIN_LIMIT);
      awaitDrained(deadline, () -> reboot(r.type() == ResetType.HARD ? Platform.RebootKind.HARD : Platform.RebootKind.SOFT));
    });
  }

  /** Waits until the transaction messages are delivered (or the link is down, or time is up). */
  private void awaitDrained(Instant deadline, Runnable then) {
    if (outbox.pendingTransactionMessages().isEmpty() || !outbox.canSendNow() || !scheduler.now().isBefore(deadline)) {
      then.run();
      return;
    }
    scheduler.schedule(Duration.ofMillis(100), () -> awaitDrained(deadline, then));
  }

  private void sendTriggeredMeterValues(int connectorId) {
    Connector c = connectors.get(connectorId - 1);
    MeterValue value = sample(c, config.list(CoreKeys.METER_VALUES_SAMPLED_DATA), ReadingContext.TRIGGER);
    if (value.sampledValue().isEmpty()) {
      // nothing configured, or per-phase measurands before the meter's first reading: a MeterValue needs one value
      value = sample(c, List.of("Energy.Active.Import.Register"), ReadingContext.TRIGGER);
    }
    outbox.send(new MeterValuesRequest(c.id, c.transaction.flatMap(Transaction::transactionId), List.of(value)), Outbox.Gate.ANY_TIME,
        answer -> {}, failure -> {});
  }

  private void getDiagnostics(String callId, GetDiagnosticsRequest r, DiagnosticsUpload upload) {
    Optional<String> fileName = upload.accept(r);
    link.reply(callId, new GetDiagnosticsResponse(fileName));
    fileName.ifPresent(name -> afterReply(upload::begin));
  }

  private boolean transactionsRunning() {
    return connectors.stream().anyMatch(c -> c.transaction.isPresent());
  }

  /** A connector whose transaction still runs becomes unavailable when the transaction ends. */
  private void holdForFirmware(boolean hold) {
    firmwareHold = hold;
    applyAvailability();
    refreshAll();
  }

  private void rebootForFirmware() {
    awaitDrained(scheduler.now().plus(RESET_DRAIN_LIMIT), () -> reboot(Platform.RebootKind.FIRMWARE));
  }

  private void reboot(Platform.RebootKind kind) {
    LOG.log(Level.INFO, "rebooting ({0})", kind);
    listener.onRebooting();
    stop();
    platform.reboot(kind);
  }

  // ---------------------------------------------------------------- queries and outbound calls for the embedder

  List<ConnectorSnapshot> snapshot() {
    int maxEnergy = config.integer(CoreKeys.MAX_ENERGY_ON_INVALID_ID);
    return connectors.stream().map(c -> {
      Connector.Report report = c.report(maxEnergy);
      return new ConnectorSnapshot(c.id, report.status(), report.errorCode(), c.transaction.isPresent(),
          c.transaction.flatMap(Transaction::transactionId), c.offeredA(maxEnergy), c.energyWh());
    }).toList();
  }

  GetCompositeScheduleResponse compositeSchedule(GetCompositeScheduleRequest request) {
    return smartCharging.composite(request, connectors, connectors.stream().mapToDouble(c -> c.hardware.maxCurrentA()).sum());
  }

  int queuedTransactionMessages() {
    return outbox.pendingTransactionMessages().size();
  }

  void dataTransferToCentralSystem(DataTransferRequest request, Consumer<DataTransferResponse> onAnswer, Consumer<String> onFailure) {
    outbox.send(request, Outbox.Gate.AFTER_ACCEPTANCE, onAnswer, failure -> onFailure.accept(failure.toString()));
  }

  Map<String, String> configurationSnapshot() {
    return config.snapshotMasked();
  }
}
