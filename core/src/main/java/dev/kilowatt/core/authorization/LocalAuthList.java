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
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Local Authorization List (OCPP 1.6 sections 3.5.2, 5.10 and 5.15): the idTags the central system
 * lists for this charge point, versioned. Lookups go to a hash map; every accepted update replaces the
 * single storage record that holds the whole list, so a power cut during an update leaves the old list
 * or the new one, never a mix.
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

  private final Configuration config;
  private final Storage storage;
  private final Counters counters;
  private Map<String, KnownIdTag> entries = new HashMap<>();
  private int version;

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
      entries = loaded;
      version = loaded.isEmpty() ? 0 : saved.version();
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
    KnownIdTag entry = entries.get(key(idTag));
    return entry == null ? Optional.empty() : Optional.of(entry.idTagInfo());
  }

  /**
   * GetLocalListVersion and SendLocalList.
   *
   * @param router the router the central system's calls arrive on
   * @param onNewList called when a list was accepted: it ends a conflict the charge point reported
   */
  public void register(CallRouter router, Runnable onNewList) {
    router.on(GetLocalListVersionRequest.class, (request, reply) -> reply.answer(new GetLocalListVersionResponse(version())));
    router.on(SendLocalListRequest.class, (request, reply) -> {
      UpdateStatus status = update(request);
      reply.answer(new SendLocalListResponse(status));
      if (status == UpdateStatus.ACCEPTED) {
        onNewList.run();
      }
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
    return enabled() ? version : NOT_SUPPORTED_VERSION;
  }

  /** {@return how many idTags the list holds, kept while the list is disabled} */
  public int size() {
    return entries.size();
  }

  /**
   * Applies a SendLocalList.req whole, or not at all.
   *
   * @param request the update, full or differential
   * @return Accepted, or why it was refused: NotSupported while disabled, VersionMismatch, Failed
   */
  public UpdateStatus update(SendLocalListRequest request) {
    if (!enabled()) {
      return UpdateStatus.NOT_SUPPORTED;
    }
    boolean full = request.updateType() == UpdateType.FULL;
    if (!full && request.listVersion() <= version) {
      LOG.log(Level.INFO, "differential local list update to version {0} refused: the list is at version {1}",
          request.listVersion(), version);
      return UpdateStatus.VERSION_MISMATCH;
    }
    List<AuthorizationData> changes = request.localAuthorizationList();
    int sendMax = config.integer(SEND_MAX_LENGTH);
    if (changes.size() > sendMax) {
      return failed(changes.size() + " entries in one update, SendLocalListMaxLength is " + sendMax);
    }
    Map<String, KnownIdTag> next = full ? new HashMap<>(changes.size() * 2) : new HashMap<>(entries);
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
    int nextVersion = next.isEmpty() ? 0 : request.listVersion();
    try {
      storage.save(STORAGE_KEY, new Saved(nextVersion, List.copyOf(next.values())));
    } catch (RuntimeException e) {
      counters.increment("localList.saveFailed");
      LOG.log(Level.ERROR, "could not save the local authorization list; keeping version " + version, e);
      return UpdateStatus.FAILED;
    }
    entries = next;
    version = nextVersion;
    LOG.log(Level.INFO, "local authorization list at version {0} with {1} entries", version, entries.size());
    return UpdateStatus.ACCEPTED;
  }

  private boolean enabled() {
    return config.bool(ENABLED);
  }

  private UpdateStatus failed(String why) {
    counters.increment("localList.updateRefused");
    LOG.log(Level.WARNING, "local authorization list update refused: {0}", why);
    return UpdateStatus.FAILED;
  }

  private static String key(String idTag) {
    return idTag.toUpperCase(Locale.ROOT);
  }
}
