package dev.kilowatt.core.authorization;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.internal.ConfigKey.Access;
import dev.kilowatt.core.internal.ConfigKey;
import dev.kilowatt.core.message.AuthorizationData;
import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.message.GetLocalListVersionRequest;
import dev.kilowatt.core.message.GetLocalListVersionResponse;
import dev.kilowatt.core.message.SendLocalListRequest;
import dev.kilowatt.core.message.SendLocalListResponse;
import dev.kilowatt.core.message.UpdateStatus;
import dev.kilowatt.core.message.UpdateType;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The Local Authorization List (OCPP 1.6 sections 3.5.2, 5.10 and 5.15): the idTags the central system
 * lists for this charge point, versioned. Lookups go to a hash map; every accepted update replaces the
 * single storage record that holds the whole list and its version, so a power cut during an update leaves
 * the old list or the new one, never a mix.
 *
 * <p>An update is in force at once but answered Accepted only once its record is durable; a save the storage
 * refuses puts the list last reported durable back in force, and the update is answered Failed. So the central
 * system is never told Accepted of a list that a power cut can take back.
 *
 * <p>IdTags are compared case-insensitively, as OCPP's IdToken (CiString20) is. While
 * {@code LocalAuthListEnabled} is false the list is kept but neither consulted nor changed, and the
 * charge point answers as one without a list (version -1, NotSupported).
 */
public final class LocalAuthList {

  private static final System.Logger LOG = System.getLogger(LocalAuthList.class.getName());
  /** Where the whole list is saved, as one record. */
  public static final String STORAGE_KEY = "local-auth-list";
  /** The configuration key that turns the list on and off. */
  static final String ENABLED = "LocalAuthListEnabled";
  /** The source of the connector-0 error that reports a conflict between the list and the central system. */
  public static final String CONFLICT_SOURCE = "localAuthList";
  /** The configuration key with the most idTags the list may hold. */
  static final String MAX_LENGTH = "LocalAuthListMaxLength";
  /** The configuration key with the most idTags one SendLocalList may carry. */
  static final String SEND_MAX_LENGTH = "SendLocalListMaxLength";
  /** Big enough for a fleet's cards; at about 200 bytes an entry it costs some 10 MB of heap. */
  static final int DEFAULT_MAX_LENGTH = 50_000;
  /** A SendLocalList of this many entries is some 500 kB of JSON, comfortable for one WebSocket frame. */
  static final int DEFAULT_SEND_MAX_LENGTH = 5_000;
  static final int NOT_SUPPORTED_VERSION = -1;

  /** The persisted list. The version is 0 exactly when the list is empty (section 5.10). */
  record Saved(int version, List<KnownIdTag> entries) {
    Saved {
      entries = entries == null ? List.of() : List.copyOf(entries);
    }
  }

  /** A list with its version; its map is never changed once built, so two states may share it. */
  private record State(int version, Map<String, KnownIdTag> entries) {
    Saved saved() {
      return new Saved(version, List.copyOf(entries.values()));
    }
  }

  private final Configuration config;
  private final Storage storage;
  private final Counters counters;
  /** What lookups and GetLocalListVersion see: the latest update, durable or not yet. */
  private State inForce = new State(0, Map.of());
  /** What the storage last reported durable: what a refused save puts back in force. */
  private State durable = inForce;

  /**
   * Defines the list's configuration keys and loads the saved list.
   *
   * @param config takes LocalAuthListEnabled, LocalAuthListMaxLength and SendLocalListMaxLength
   * @param storage keeps the whole list in one record
   * @param counters counts the refused updates and the failed saves
   */
  public LocalAuthList(Configuration config, Storage storage, Counters counters) {
    this.config = config;
    this.storage = storage;
    this.counters = counters;
    config.define(CoreKeys.readWrite(ENABLED, new ConfigKey.Bool(), "true"));
    config.define(new ConfigKey(MAX_LENGTH, Access.READ_ONLY, new ConfigKey.Int(1, 1_000_000, false),
        Integer.toString(DEFAULT_MAX_LENGTH), false));
    config.define(new ConfigKey(SEND_MAX_LENGTH, Access.READ_ONLY, new ConfigKey.Int(1, 1_000_000, false),
        Integer.toString(DEFAULT_SEND_MAX_LENGTH), false));
    storage.load(STORAGE_KEY, Saved.class).ifPresent(saved -> {
      Map<String, KnownIdTag> loaded = new HashMap<>(saved.entries().size() * 2);
      saved.entries().forEach(e -> loaded.put(key(e.idTag()), e));
      inForce = new State(loaded.isEmpty() ? 0 : saved.version(), loaded);
      durable = inForce;
    });
  }

  /**
   * What the list says about {@code idTag}.
   *
   * @param idTag the id to look up, compared case-insensitively
   * @return its listed decision; empty when it is not listed or the list is disabled
   */
  public Optional<AuthorizationDecision> find(String idTag) {
    if (!enabled()) {
      return Optional.empty();
    }
    KnownIdTag entry = inForce.entries().get(key(idTag));
    return entry == null ? Optional.empty() : Optional.of(entry.idTagInfo());
  }

  /**
   * GetLocalListVersion and SendLocalList. While the storage refuses writes, a SendLocalList is answered Failed
   * at once and changes nothing: no list could become durable meanwhile.
   *
   * @param router the router the central system's calls arrive on
   * @param storageWritable whether the storage takes writes now
   * @param onNewList called when a list was accepted: it ends a conflict the charge point reported
   */
  public void register(CallRouter router, BooleanSupplier storageWritable, Runnable onNewList) {
    router.on(GetLocalListVersionRequest.class, (request, reply) -> reply.answer(new GetLocalListVersionResponse(version())));
    router.on(SendLocalListRequest.class, (request, reply) -> {
      if (enabled() && !storageWritable.getAsBoolean()) {
        counters.increment("localList.saveFailed");
        LOG.log(Level.WARNING, "local list update to version {0} refused: the storage takes no writes", request.listVersion());
        reply.answer(new SendLocalListResponse(UpdateStatus.FAILED));
        return;
      }
      update(request, status -> {
        reply.answer(new SendLocalListResponse(status));
        if (status == UpdateStatus.ACCEPTED) {
          onNewList.run();
        }
      });
    });
  }

  /**
   * Section 3.5.2: the central system contradicts the list; connector 0 reports it until a new list arrives.
   *
   * @param idTag the id the central system and the list disagree on
   * @return the LocalListConflict fault to raise on connector 0
   */
  public static HardwareFault conflict(String idTag) {
    return new HardwareFault(CONFLICT_SOURCE, ConnectorFault.LOCAL_LIST_CONFLICT, "", "idTag " + idTag);
  }

  /** {@return the answer to GetLocalListVersion: 0 for an empty list, -1 while the list is disabled} */
  public int version() {
    return enabled() ? inForce.version() : NOT_SUPPORTED_VERSION;
  }

  /** {@return how many idTags the list holds, kept while the list is disabled} */
  public int size() {
    return inForce.entries().size();
  }

  /**
   * Applies a SendLocalList.req whole, or not at all. A valid update is in force at once; its answer waits for
   * its save to be durable.
   *
   * @param request the update, full or differential
   * @param answer told, once: at once NotSupported while disabled, VersionMismatch, or Failed for an update
   *     against the rules; on the loop, Accepted once the new list is durable, or Failed if the storage refused
   *     it, the list last reported durable in force again
   */
  public void update(SendLocalListRequest request, Consumer<UpdateStatus> answer) {
    if (!enabled()) {
      answer.accept(UpdateStatus.NOT_SUPPORTED);
      return;
    }
    if (request.updateType() == UpdateType.DIFFERENTIAL && request.listVersion() <= inForce.version()) {
      LOG.log(Level.INFO, "differential local list update to version {0} refused: the list is at version {1}",
          request.listVersion(), inForce.version());
      answer.accept(UpdateStatus.VERSION_MISMATCH);
      return;
    }
    validated(request).ifPresentOrElse(next -> apply(next, answer), () -> answer.accept(UpdateStatus.FAILED));
  }

  /** {@return the list after {@code request}, or empty (Failed) when the request breaks a rule} */
  private Optional<State> validated(SendLocalListRequest request) {
    boolean full = request.updateType() == UpdateType.FULL;
    List<AuthorizationData> changes = request.localAuthorizationList();
    int sendMax = config.integer(SEND_MAX_LENGTH);
    if (changes.size() > sendMax) {
      return failed(changes.size() + " entries in one update, SendLocalListMaxLength is " + sendMax);
    }
    Map<String, KnownIdTag> next = full ? new HashMap<>(changes.size() * 2) : new HashMap<>(inForce.entries());
    Set<String> seen = new HashSet<>(changes.size() * 2);
    for (AuthorizationData change : changes) {
      String key = key(change.idTag());
      if (!seen.add(key)) {
        return failed("idTag " + change.idTag() + " appears twice");
      }
      if (change.idTagInfo().isPresent()) {
        next.put(key, new KnownIdTag(change.idTag(), Authorization.decision(change.idTagInfo().get())));
      } else if (full) {
        return failed("idTag " + change.idTag() + " has no idTagInfo in a full update");
      } else {
        next.remove(key);
      }
    }
    int max = config.integer(MAX_LENGTH);
    if (next.size() > max) {
      return failed("the list would hold " + next.size() + " entries, LocalAuthListMaxLength is " + max);
    }
    if (!next.isEmpty() && request.listVersion() < 1) {
      return failed("version " + request.listVersion() + " for a non-empty list; 0 and -1 have their own meaning");
    }
    return Optional.of(new State(next.isEmpty() ? 0 : request.listVersion(), next));
  }

  /** Puts {@code next} in force and saves it; the answer waits for the storage's outcome. */
  private void apply(State next, Consumer<UpdateStatus> answer) {
    inForce = next;
    storage.save(STORAGE_KEY, next.saved(), outcome -> {
      if (outcome instanceof Journal.Outcome.Durable) {
        durable = next;
        LOG.log(Level.INFO, "local authorization list at version {0} with {1} entries", next.version(), next.entries().size());
        answer.accept(UpdateStatus.ACCEPTED);
        return;
      }
      counters.increment("localList.saveFailed");
      LOG.log(Level.ERROR, "could not save the local authorization list ({0}); version {1} is in force again", outcome,
          durable.version());
      inForce = durable;
      // saved again so that the refused list, kept by a write-behind, is never written once the storage recovers;
      // the outcome of that is no one's answer, and the callback keeps a store's refusal from escaping
      storage.save(STORAGE_KEY, durable.saved(), ignored -> {});
      answer.accept(UpdateStatus.FAILED);
    });
  }

  private boolean enabled() {
    return config.bool(ENABLED);
  }

  private Optional<State> failed(String why) {
    counters.increment("localList.updateRefused");
    LOG.log(Level.WARNING, "local authorization list update refused: {0}", why);
    return Optional.empty();
  }

  private static String key(String idTag) {
    return idTag.toUpperCase(Locale.ROOT);
  }
}
