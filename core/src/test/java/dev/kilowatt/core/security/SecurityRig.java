package dev.kilowatt.core.security;

import dev.kilowatt.core.ChargePointLimits;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.messaging.OutboxWiring;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.provisioning.Session;
import dev.kilowatt.core.time.VirtualTime;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.ScriptedCentralSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Security} on its own, wired to an outbox and a fake central system the way the station wires it,
 * so that tests reach what the station only calls on occasion, such as
 * {@link Security#requestCertificateSigning()} for ExtendedTriggerMessage(SignChargePointCertificate) or a
 * renewal. {@link #restart()} builds a new one on the same storage, as after a power cut.
 */
final class SecurityRig {

  static final Instant START = Harness.START;

  final VirtualTime time;
  final Storage storage;
  final MemorySecrets secrets = new MemorySecrets();
  final Map<String, String> configuration = new HashMap<>();
  final Optional<String> serialNumber;
  ScriptedCentralSystem cs;
  Configuration config;
  Security security;

  SecurityRig(Instant start, Optional<String> serialNumber) {
    this.time = new VirtualTime(start);
    this.storage = new InMemoryStorage();
    this.serialNumber = serialNumber;
    configuration.put("CpoName", "Kilowatt CPO");
  }

  SecurityRig() {
    this(START, Optional.of("SN-1"));
  }

  SecurityRig configure(String key, String value) {
    configuration.put(key, value);
    return this;
  }

  SecurityRig start() {
    Counters counters = new Counters();
    cs = new ScriptedCentralSystem(time::now);
    config = new Configuration(storage, configuration);
    CoreKeys.define(config, ChargePointLimits.REFERENCE, 1, "Core");
    Session.StationClock clock = new Session.StationClock(time);
    Outbox outbox = new Outbox(time, storage, config, Duration.ofSeconds(30), counters);
    security = new Security(time, storage, secrets, config, outbox, cs, clock::now, serialNumber, counters);
    clock.onSet(security.events()::clockAdjusted);
    OutboxWiring.attach(outbox, cs);
    cs.connect(security.connectionSettings(), OutboxWiring.listener(time, outbox, () -> {
      security.connected();
      outbox.connected();
      outbox.accepted();
      security.accepted();
    }, () -> {
      outbox.disconnected();
      security.disconnected();
    }));
    security.start();
    time.runPending();
    return this;
  }

  SecurityRig online() {
    start();
    cs.goOnline();
    time.runPending();
    return this;
  }

  SecurityRig restart() {
    security.stop();
    return start();
  }

  /** Runs {@code action} on the loop, as the station would, and everything it leads to now. */
  <T> T run(java.util.function.Supplier<T> action) {
    T result = action.get();
    time.runPending();
    return result;
  }
}
