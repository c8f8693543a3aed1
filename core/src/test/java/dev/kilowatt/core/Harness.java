package dev.kilowatt.core;

import dev.kilowatt.core.FakeHardware.FakeLock;
import dev.kilowatt.core.FakeHardware.FakeMeter;
import dev.kilowatt.core.FakeHardware.FakePilot;
import dev.kilowatt.core.FakeHardware.FakePlatform;
import dev.kilowatt.core.FakeHardware.FakeReader;
import dev.kilowatt.core.FakeHardware.FakeRelay;
import dev.kilowatt.core.ledger.MemoryJournal;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.ExtendedMessageTrigger;
import dev.kilowatt.core.message.ExtendedTriggerMessageRequest;
import dev.kilowatt.core.message.ExtendedTriggerMessageResponse;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.TriggerMessageStatus;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.time.VirtualTime;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.ScriptedCentralSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A charge point on virtual time with fake hardware and a fake central system. {@link #restart()} builds
 * a fresh charge point on the same storage and meter, as after a power cut.
 */
public final class Harness {

  public static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

  public final VirtualTime time = new VirtualTime(START);
  public final Storage storage;
  /** The flash the transaction ledger is on; it survives {@link #restart()}. */
  public final MemoryJournal.Flash flash = new MemoryJournal.Flash();
  public final int connectorCount;
  public final List<FakeRelay> relays = new ArrayList<>();
  public final List<FakePilot> pilots = new ArrayList<>();
  public final List<FakeMeter> meters = new ArrayList<>();
  /** The connectors' locks, when they are socket outlets. */
  public final List<FakeLock> locks = new ArrayList<>();
  public final FakeReader reader = new FakeReader();
  public final FakePlatform platform = new FakePlatform();
  public final Map<String, String> configuration = new LinkedHashMap<>();
  public final List<String> statusChanges = new ArrayList<>();
  /** Each change of a pilot's offer the listener heard, as "connector:amperes: explanation". */
  public final List<String> offerChanges = new ArrayList<>();
  public ScriptedCentralSystem cs;
  public ChargePoint cp;
  private Consumer<ChargePoint.Builder> customizer = b -> {};
  private boolean ledgerInStorage;

  public Harness() {
    this(1);
  }

  public Harness(int connectors) {
    this(connectors, new InMemoryStorage());
  }

  /**
   * {@return a charge point on slow flash (200 ms a write) whose StartTransaction was answered with id 100 and
   * whose answer is still being saved}
   */
  public static Harness startAnswerBeingSaved() {
    Harness h = new Harness();
    h.flash.slow(Duration.ofMillis(200));
    h.online();
    h.ev(PilotState.C);
    h.card("OWNER");
    for (int ms = 0; ms < 2_000 && h.cs.sent(StartTransactionRequest.class).isEmpty(); ms += 10) {
      h.time.advance(Duration.ofMillis(10));
    }
    return h;
  }

  /** A charge point on the given storage, e.g. one that fails or cuts the power on purpose. */
  public Harness(int connectors, Storage storage) {
    this.storage = storage;
    this.connectorCount = connectors;
    for (int i = 0; i < connectors; i++) {
      relays.add(new FakeRelay());
      pilots.add(new FakePilot());
      meters.add(new FakeMeter());
    }
  }

  public Harness configure(String key, String value) {
    configuration.put(key, value);
    return this;
  }

  /** Makes every connector a socket outlet with a lock. */
  public Harness sockets() {
    for (int i = 0; i < connectorCount; i++) {
      locks.add(new FakeLock());
    }
    return this;
  }

  /** Builds the charge point without a journal, so that it keeps its ledger in the storage, as the fleet does. */
  public Harness ledgerInStorage() {
    ledgerInStorage = true;
    return this;
  }

  public Harness customize(Consumer<ChargePoint.Builder> customizer) {
    this.customizer = customizer;
    return this;
  }

  /** Builds and starts the charge point; the central system is not reachable yet. */
  public Harness start() {
    cs = new ScriptedCentralSystem(time::now);
    ChargePoint.Builder builder = ChargePoint.builder(time, storage, cs, platform)
        .storageWriter(Runnable::run)
        .identity(ChargePointIdentity.of("Kilowatt", "TestBox").withSerialNumber("SN-1").withFirmwareVersion("1.0.0"))
        .rfidReader(reader)
        .listener(new ChargePointListener() {
          @Override
          public void onStatusChanged(int connectorId, ConnectorState state, ConnectorFault fault) {
            statusChanges.add(connectorId + ":" + Ocpp16Mapping.status(state).ocppValue());
          }

          @Override
          public void onOfferChanged(int connectorId, double amperes, String explanation) {
            offerChanges.add(connectorId + ":" + amperes + ": " + explanation);
          }
        });
    for (int i = 0; i < connectorCount; i++) {
      builder.connector(locks.isEmpty() ? ConnectorHardware.singlePhaseFixedCable(relays.get(i), pilots.get(i), meters.get(i), 16)
          : ConnectorHardware.socket(relays.get(i), pilots.get(i), meters.get(i), 16, 1, locks.get(i)));
    }
    if (!ledgerInStorage) {
      builder.journal(flash.open(time));
    }
    configuration.forEach(builder::configuration);
    customizer.accept(builder);
    cp = builder.build();
    cp.start();
    run();
    for (FakeMeter meter : meters) {
      meter.read(meter.energyWh, 0);
    }
    run();
    return this;
  }

  /** Starts, connects and gets accepted by a friendly central system. */
  public Harness online() {
    start();
    cs.goOnline();
    run();
    return this;
  }

  /** A power cut: the old charge point is gone; a new one boots on the same storage. */
  public Harness restart() {
    cp.stop();
    run();
    for (int i = 0; i < connectorCount; i++) {
      relays.set(i, new FakeRelay());
      pilots.set(i, new FakePilot());
      double energy = meters.get(i).energyWh;
      FakeMeter meter = new FakeMeter();
      meter.energyWh = energy;
      meters.set(i, meter);
    }
    statusChanges.clear();
    return start();
  }

  /** A power cut, then the boot and the central system's acceptance. */
  public Harness restartOnline() {
    restart();
    cs.goOnline();
    run();
    return this;
  }

  public int run() {
    return time.runPending();
  }

  public void advance(Duration duration) {
    time.advance(duration);
  }

  public FakePilot pilot() {
    return pilots.get(0);
  }

  public FakeRelay relay() {
    return relays.get(0);
  }

  public FakeMeter meter() {
    return meters.get(0);
  }

  public void ev(PilotState state) {
    pilot().ev(state);
    run();
  }

  /** Card CARD, then an EV that draws current: a transaction charges on connector 1. */
  public void startCharging() {
    card("CARD");
    ev(PilotState.C);
    if (status() != ChargePointStatus.CHARGING) {
      throw new AssertionError("not charging but " + status());
    }
  }

  /** Card CARD again, and the EV leaves. */
  public void stopCharging() {
    card("CARD");
    ev(PilotState.A);
  }

  public void card(String idTag) {
    reader.present(idTag);
    run();
  }

  /**
   * In manual mode: answers the waiting calls the friendly way until one of {@code type} comes, and
   * answers that one with {@code response}.
   */
  public <T extends dev.kilowatt.core.message.ChargePointRequest<?>> T reply(Class<T> type, Response response) {
    T request = awaitCall(type);
    cs.answer(response);
    run();
    return request;
  }

  /** In manual mode: answers the waiting calls the friendly way until one of {@code type} waits, unanswered. */
  public <T extends dev.kilowatt.core.message.ChargePointRequest<?>> T awaitCall(Class<T> type) {
    for (int i = 0; i < 100; i++) {
      run();
      if (cs.pending().isEmpty()) {
        throw new AssertionError("no " + type.getSimpleName() + " was sent; sent so far: " + cs.calls());
      }
      if (type.isInstance(cs.pending().getFirst().request())) {
        return type.cast(cs.pending().getFirst().request());
      }
      cs.answerFriendly();
    }
    throw new AssertionError("no " + type.getSimpleName() + " after 100 calls");
  }

  /** In manual mode: answers everything waiting the friendly way. */
  public void replyFriendly() {
    for (int i = 0; i < 100 && (run() >= 0) && !cs.pending().isEmpty(); i++) {
      cs.answerFriendly();
    }
    run();
  }

  /**
   * Sends ExtendedTriggerMessage for {@code message}; checks that Accepted went out before the triggered
   * message, and returns that message.
   */
  public <T extends dev.kilowatt.core.message.ChargePointRequest<?>> T triggerExtended(ExtendedMessageTrigger message, Class<T> type) {
    int before = cs.wire().size();
    call(new ExtendedTriggerMessageRequest(message, java.util.Optional.empty()));
    List<Object> wire = cs.wire().subList(before, cs.wire().size());
    if (wire.size() < 2 || !new ExtendedTriggerMessageResponse(TriggerMessageStatus.ACCEPTED).equals(wire.get(0))
        || !type.isInstance(wire.get(1))) {
      throw new AssertionError("expected Accepted, then a " + type.getSimpleName() + "; the wire had " + wire);
    }
    return type.cast(wire.get(1));
  }

  /** Sends a call to the charge point and returns its answer. */
  public Object call(dev.kilowatt.core.message.CentralSystemRequest<?> request) {
    String id = cs.call(request);
    run();
    return cs.replyTo(id).orElseThrow(() -> new AssertionError("no answer to " + request));
  }

  @SuppressWarnings("unchecked")
  public <R extends Response> R callOk(dev.kilowatt.core.message.CentralSystemRequest<R> request) {
    return (R) call(request);
  }

  public ConnectorSnapshot connector(int id) {
    var snapshot = cp.connectors();
    run();
    return snapshot.join().get(id - 1);
  }

  /** {@return connector 1's state in the 1.6 words the status table of section 4.9 uses} */
  public ChargePointStatus status() {
    return status(1);
  }

  /**
   * {@return a connector's state in the 1.6 words the status table of section 4.9 uses}
   * @param connectorId the connector, from 1
   */
  public ChargePointStatus status(int connectorId) {
    return Ocpp16Mapping.status(connector(connectorId).state());
  }

  /** The statuses reported to the central system for a connector, in order. */
  public List<String> reportedStatuses(int connectorId) {
    return cs.sent(StatusNotificationRequest.class).stream().filter(s -> s.connectorId() == connectorId)
        .map(s -> s.status().ocppValue()).toList();
  }
}
