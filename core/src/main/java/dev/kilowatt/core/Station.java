package dev.kilowatt.core;

import dev.kilowatt.core.authorization.Authorization;
import dev.kilowatt.core.authorization.LocalAuthList;
import dev.kilowatt.core.availability.Availability;
import dev.kilowatt.core.availability.StatusReporter;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.configuration.StoredSecrets;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.datatransfer.VendorCalls;
import dev.kilowatt.core.firmware.FirmwareManagement;
import dev.kilowatt.core.firmware.FirmwareUpdate;
import dev.kilowatt.core.ledger.Ledger;
import dev.kilowatt.core.ledger.SampleThinning;
import dev.kilowatt.core.ledger.StorageJournal;
import dev.kilowatt.core.ledger.TransactionRecord;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.messaging.TrafficLog;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.port.RfidReader;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.SecretStore;
import dev.kilowatt.core.provisioning.BootReasons;
import dev.kilowatt.core.provisioning.ConfigurationCalls;
import dev.kilowatt.core.provisioning.Reset;
import dev.kilowatt.core.provisioning.Session;
import dev.kilowatt.core.reservation.Reservations;
import dev.kilowatt.core.security.Security;
import dev.kilowatt.core.security.SecurityKeys;
import dev.kilowatt.core.smartcharging.SmartCharging;
import dev.kilowatt.core.storage.SecretsOffTheLoop;
import dev.kilowatt.core.storage.WriteBehind;
import dev.kilowatt.core.transaction.ConnectorEvents;
import dev.kilowatt.core.transaction.MeterSampling;
import dev.kilowatt.core.transaction.RemoteControl;
import dev.kilowatt.core.transaction.StartStop;
import dev.kilowatt.core.transaction.TransactionLedger;
import dev.kilowatt.core.transaction.Transactions;
import dev.kilowatt.core.trigger.RemoteTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The composition root: builds the blocks from the builder's ports, wires them, and hands each block the calls
 * it answers. Runs on the event loop only; {@link ChargePoint} is its thread-safe face.
 */
final class Station {

  private final StoppableLoop loop;
  private final CentralSystem link;
  private final List<RfidReader> readers;
  private final List<ConnectorEvents> connectorEvents = new ArrayList<>();
  private final Security security;
  private final Reservations reservations;
  private final SmartCharging smartCharging;
  private final Availability availability;
  private final Optional<StationLight> light;
  private final Authorization authorization;
  private final FirmwareManagement firmware;
  private final MeterSampling sampling;
  private final Transactions transactions;
  private final StartStop starts;
  private final Reset reset;
  private final BootReasons bootReasons;
  private final CentralSystemEvents linkEvents;
  /** Set once the blocks they report to exist; the outcomes of the storage and the secret store reach them on the loop, after the build. */
  private JournalFaults storageFaults;
  private JournalFaults secretFaults;
  /** What the embedder asks, through {@link ChargePoint}. */
  final EmbedderQueries queries;
  private final WriteBehind storage;
  /** The ledger kept in the storage when the builder names no journal; the station drains it at the stop. */
  private final Optional<StorageJournal> ownJournal;
  /** What the journal could not read at start and kept aside; reported once the station starts. */
  private final List<Journal.Unreadable> setAside;
  private final Counters counters;

  Station(ChargePoint.Builder setup, Counters counters) {
    Scheduler scheduler = setup.scheduler;
    this.counters = counters;
    this.loop = new StoppableLoop(scheduler);
    this.storage = new WriteBehind(setup.storage, setup.storageWriter, scheduler, later(() -> storageFaults));
    TrafficLog traffic = new TrafficLog(setup.scheduler::now, Set.of(SecurityKeys.AUTHORIZATION_KEY));
    this.link = setup.diagnosticsCollector.isPresent() ? traffic.wrap(setup.centralSystem) : setup.centralSystem;
    this.readers = List.copyOf(setup.readers);
    // Blocks define their configuration keys as they are built: this order is GetConfiguration's order.
    SecretStore secrets = setup.secretStore.<SecretStore>map(store -> new SecretsOffTheLoop(store, setup.storageWriter, scheduler,
        later(() -> secretFaults))).orElseGet(() -> new StoredSecrets(storage));
    Configuration config = StationConfiguration.standard(setup, storage, secrets);
    this.light = setup.indicator.map(indicator -> new StationLight(indicator, config, counters, setup.listener));
    ChargePointListener listener = light.<ChargePointListener>map(l -> l).orElse(setup.listener);
    Session.StationClock clock = new Session.StationClock(scheduler);
    Outbox outbox = new Outbox(scheduler, storage, config, setup.responseTimeout, counters);
    this.bootReasons = new BootReasons(storage);
    Session session = new Session(scheduler, outbox, config, setup.identity.bootNotification().withReason(bootReasons.thisStart()), clock,
        () -> online(true), () -> online(false));
    this.security = new Security(scheduler, storage, secrets, config, outbox, link, clock::now, setup.identity.serialNumber(), counters);
    clock.onSet(security.events()::clockAdjusted);
    LocalAuthList localList = new LocalAuthList(config, storage, counters);
    this.reservations = new Reservations(scheduler, storage, config, clock::now, this::refreshAll, link::reservationEnded);
    StatusReporter status = new StatusReporter(scheduler, outbox, config, clock::now);
    this.smartCharging = new SmartCharging(scheduler, storage, config, clock::now, setup.connectors, new SmartCharging.Setup(
        setup.smartChargingLimits, setup.nominalVoltage, setup.installationLimitA, setup.sharingStrategy), this::refreshAll);
    List<Connector> connectors = new ArrayList<>();
    setup.connectors.forEach(hardware -> connectors.add(new Connector(connectors.size() + 1, hardware)));
    this.availability = new Availability(storage, config, counters, connectors,
        new Availability.Parts(reservations, smartCharging, status, listener));
    this.authorization = new Authorization(config, storage, outbox, clock::now, localList::find,
        idTag -> availability.stationFault(LocalAuthList.conflict(idTag)), setup.offlineTransactionsBeforeAcceptance);
    this.firmware = new FirmwareManagement(scheduler, storage, outbox, counters, clock::now,
        new FirmwareManagement.Board(setup.fileTransfer, setup.firmwareInstaller, setup.diagnosticsCollector,
            setup.identity.firmwareVersion()),
        new FirmwareManagement.Policy(setup.firmwareDownloadDuringTransaction, setup.signedFirmwareOnly),
        new FirmwareManagement.Sources(() -> security.rootCertificates(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE), config::snapshotMasked,
            traffic, security.events()::log, this::transactionLines),
        new FirmwareUpdate.Hooks(loop::execute, this::transactionsRunning, availability::holdForFirmware, this::rebootForFirmware,
            security.events()::raise));
    this.storageFaults = JournalFaults.storage(availability, security.events());
    this.secretFaults = JournalFaults.secrets(availability, security.events());
    // A ledger kept in the storage saves to it on the storage's writer but not through the write-behind
    // (docs/ledger.md, the fleet): it holds and retries its records itself, which the write-behind would do a
    // second time under new sequence numbers.
    this.ownJournal = setup.journal.isEmpty()
        ? Optional.of(new StorageJournal(setup.storage, setup.storageWriter, scheduler)) : Optional.empty();
    Ledger ledger = new Ledger(setup.journal.orElseGet(ownJournal::orElseThrow), scheduler,
        JournalFaults.journal(availability, outbox, security.events()));
    TransactionLedger transactionLedger = new TransactionLedger(ledger, outbox, new SampleThinning(setup.offlineSampleLimit), counters);
    // after the replay, which some journals read them in
    this.setAside = ledger.unreadable();
    this.sampling = new MeterSampling(scheduler, transactionLedger, config, outbox, clock::now, connectors);
    this.transactions = new Transactions(storage, config, counters, outbox, transactionLedger, clock::now, connectors,
        new Transactions.Parts(authorization,
        reservations, smartCharging, availability, sampling, firmware::transactionEnded));
    this.reset = new Reset(scheduler, config, counters, outbox, connectors, new Reset.Parts(transactions, availability, security.events(),
        firmware::installing, listener, setup.platform, this::stop, bootReasons));
    this.starts = new StartStop(scheduler, config, connectors, transactions,
        new StartStop.Parts(authorization, reservations, availability, listener, reset::resetting));
    connectors.forEach(c -> connectorEvents.add(new ConnectorEvents(c, loop::execute,
        new ConnectorEvents.Parts(starts, availability, counters, clock::now))));
    RemoteTrigger trigger = new RemoteTrigger(connectors.size(), new RemoteTrigger.Messages(session::sendBootNotification,
        () -> session.sendHeartbeat(Outbox.Gate.ANY_TIME), id -> status.send(id, Outbox.Gate.ANY_TIME), sampling::sendTriggered,
        firmware.firmwareStatus(), firmware.diagnosticsStatus(), firmware.signedFirmwareStatus(), firmware.logStatus(),
        new RemoteTrigger.WhenReady(security::readyToSign, security::requestCertificateSigning)));
    outbox.attach(link, transactions);
    config.onChange(CoreKeys.WEB_SOCKET_PING_INTERVAL, v -> link.reconfigure(security.connectionSettings()));
    config.onChange(CoreKeys.MAX_ENERGY_ON_INVALID_ID, v -> refreshAll());
    VendorCalls vendors = new VendorCalls(setup.vendors, counters, outbox);
    CallRouter router = new CallRouter(link, counters, loop::execute, session::rejected);
    this.linkEvents = new CentralSystemEvents(loop, session, security, outbox, router, transactions, smartCharging);
    ConfigurationCalls.register(router, config);
    authorization.register(router);
    localList.register(router, storage::writable, () -> availability.stationFaultCleared(LocalAuthList.CONFLICT_SOURCE));
    availability.register(router);
    new RemoteControl(scheduler, config, connectors, authorization, reservations, starts, transactions,
        new RemoteControl.Busy(reset::resetting, session::pending)).register(router);
    reservations.register(router, connectors);
    smartCharging.register(router, connectors, transactions);
    security.register(router);
    trigger.register(router);
    reset.register(router);
    vendors.register(router);
    firmware.register(router);
    StationConfiguration.embedder(config, setup);
    this.queries = new EmbedderQueries(availability, smartCharging, connectors, transactions, vendors, config);
  }

  void start() {
    transactions.recoverInterrupted();
    availability.apply();
    JournalFaults.setAside(setAside, availability, security.events(), counters);
    connectorEvents.forEach(ConnectorEvents::start);
    readers.forEach(reader -> reader.start(starts.cardReaderListener(loop::execute)));
    availability.refreshAll();
    light.ifPresent(StationLight::shine);
    sampling.armAligned();
    security.start();
    firmware.resume();
    link.connect(security.connectionSettings(), linkEvents);
  }

  void stop() {
    loop.stop();
    storage.drain();
    ownJournal.ifPresent(StorageJournal::drain);
    reservations.stop();
    smartCharging.stop();
    firmware.stop();
    security.stop();
    link.disconnect();
  }

  /** Accepted afresh, the central system knows nothing; reconnected, it missed what changed meanwhile. */
  private void online(boolean afresh) {
    authorization.centralSystemAccepted();
    if (afresh) {
      bootReasons.accepted();
      availability.reportAll();
    } else {
      availability.reportChanges();
    }
    firmware.online();
    security.accepted();
  }

  /** A listener that tells the faults {@code faults} supplies when it hears: they are built after the media that report. */
  private static Ledger.FaultListener later(Supplier<Ledger.FaultListener> faults) {
    return new Ledger.FaultListener() {
      @Override
      public void onFault(String reason) {
        faults.get().onFault(reason);
      }

      @Override
      public void onCleared() {
        faults.get().onCleared();
      }
    };
  }

  // Blocks built after the ones that call them: these forward to them once they exist.
  private void refreshAll() {
    availability.refreshAll();
  }

  private boolean transactionsRunning() {
    return transactions.anyRunning();
  }

  private List<String> transactionLines() {
    return transactions.records().stream().map(TransactionRecord::toString).toList();
  }

  private void rebootForFirmware() {
    reset.rebootWhenDrained(Platform.RebootKind.FIRMWARE);
  }
}
