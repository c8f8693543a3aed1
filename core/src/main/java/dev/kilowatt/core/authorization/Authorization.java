package dev.kilowatt.core.authorization;

import dev.kilowatt.core.authorization.AuthorizationDecision.Status;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.ClearCacheRequest;
import dev.kilowatt.core.message.ClearCacheResponse;
import dev.kilowatt.core.message.ClearCacheStatus;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides whether an idTag may charge: online through Authorize.req, offline or pre-authorized through
 * the local authorization list and the authorization cache, as OCPP 1.6 sections 3.5 and 5.2 describe.
 */
public final class Authorization {

  /** Where the authorization cache is saved. */
  public static final String CACHE_KEY = "authorization-cache";
  static final String FIRST_ACCEPTANCE_KEY = "first-acceptance";
  static final int CACHE_CAPACITY = 1_000;

  /**
   * The persisted cache, oldest entry first.
   *
   * @param entries the cached idTags with the central system's last decision on each, at most 1000
   */
  public record CacheEntries(List<KnownIdTag> entries) {
    /** An absent list is an empty cache. */
    public CacheEntries {
      entries = entries == null ? List.of() : List.copyOf(entries);
    }
  }

  private final Configuration config;
  private final Storage storage;
  private final Outbox outbox;
  private final Supplier<Instant> clock;
  private final Function<String, Optional<AuthorizationDecision>> localList;
  private final Consumer<String> onListConflict;
  private final Map<String, AuthorizationDecision> cache = new LinkedHashMap<>();
  private final boolean offlineBeforeAcceptance;
  /** Whether any central system ever accepted this charge point's BootNotification. */
  private boolean everAccepted;

  /**
   * When a central system first accepted this charge point.
   *
   * @param at the time of the first accepted BootNotification, by the station clock
   */
  public record FirstAcceptance(Instant at) {}

  /**
   * Loads the saved cache and whether a central system ever accepted the charge point.
   *
   * @param config holds LocalPreAuthorize, LocalAuthorizeOffline, AuthorizationCacheEnabled and AllowOfflineTxForUnknownId
   * @param storage keeps the cache and the first acceptance
   * @param outbox sends Authorize.req, and tells whether the central system can be asked now
   * @param clock the current time, against which expiry dates are judged
   * @param localList what the Local Authorization List says about an idTag
   * @param onListConflict told of an idTag whose status from the central system contradicts the list
   * @param offlineBeforeAcceptance whether offline rules may start transactions before any central system accepted
   *     the charge point
   */
  public Authorization(Configuration config, Storage storage, Outbox outbox, Supplier<Instant> clock,
      Function<String, Optional<AuthorizationDecision>> localList, Consumer<String> onListConflict, boolean offlineBeforeAcceptance) {
    this.config = config;
    this.storage = storage;
    this.outbox = outbox;
    this.clock = clock;
    this.localList = localList;
    this.onListConflict = onListConflict;
    this.offlineBeforeAcceptance = offlineBeforeAcceptance;
    storage.load(CACHE_KEY, CacheEntries.class).ifPresent(saved -> saved.entries().forEach(e -> cache.put(normal(e.idTag()), e.idTagInfo())));
    // Only a central system's answers fill the cache, so a cached idTag shows an acceptance that predates the record.
    everAccepted = storage.load(FIRST_ACCEPTANCE_KEY, FirstAcceptance.class).isPresent() || !cache.isEmpty();
  }

  /** A central system accepted the BootNotification: from now on, offline rules may start transactions. */
  public void centralSystemAccepted() {
    if (!everAccepted) {
      everAccepted = true;
      storage.save(FIRST_ACCEPTANCE_KEY, new FirstAcceptance(clock.get()));
    }
  }

  /**
   * Decides about {@code idTag} and calls {@code decision} once, on the event loop.
   *
   * @param idTag the id presented, compared case-insensitively
   * @param decision told the verdict: the central system's, or the offline rules' when it cannot be asked
   */
  public void authorize(String idTag, Consumer<AuthorizationDecision> decision) {
    Optional<AuthorizationDecision> known = knownLocally(idTag);
    if (outbox.canSendNow()) {
      if (config.bool(CoreKeys.LOCAL_PRE_AUTHORIZE) && known.filter(this::valid).isPresent()) {
        decision.accept(known.get());
        return;
      }
      outbox.send(new AuthorizeRequest(idTag), Outbox.Gate.AFTER_ACCEPTANCE, answer -> {
        AuthorizationDecision answered = decision(answer.idTagInfo());
        remember(idTag, answered);
        decision.accept(answered);
      }, failure -> decision.accept(offline(idTag, known)));
    } else {
      decision.accept(offline(idTag, known));
    }
  }

  /**
   * What the local list or the cache say about {@code idTag}, the list first; expired entries read as Expired.
   *
   * @param idTag the id to look up, compared case-insensitively
   * @return the listed or cached decision; empty when neither knows the id (or the cache is disabled)
   */
  public Optional<AuthorizationDecision> knownLocally(String idTag) {
    Optional<AuthorizationDecision> listed = localList.apply(idTag);
    Optional<AuthorizationDecision> found = listed.isPresent() ? listed
        : config.bool(CoreKeys.AUTHORIZATION_CACHE_ENABLED) ? Optional.ofNullable(cache.get(normal(idTag))) : Optional.empty();
    return found.map(this::withExpiry);
  }

  /**
   * The decision an OCPP 1.6 IdTagInfo carries.
   *
   * @param info an IdTagInfo from Authorize, StartTransaction or StopTransaction.conf
   * @return the same status, expiry date and parentIdTag in the charge point's terms
   */
  public static AuthorizationDecision decision(IdTagInfo info) {
    Status status = switch (info.status()) {
      case ACCEPTED -> Status.ACCEPTED;
      case BLOCKED -> Status.BLOCKED;
      case EXPIRED -> Status.EXPIRED;
      case INVALID -> Status.INVALID;
      case CONCURRENT_TX -> Status.CONCURRENT_TX;
    };
    return new AuthorizationDecision(status, info.expiryDate(), info.parentIdTag());
  }

  /**
   * Updates the cache from a decision the central system sent (Authorize, StartTransaction,
   * StopTransaction). Listed idTags stay out of the cache (section 3.5.3); when the central system
   * contradicts the list about one, that is a conflict to report (section 3.5.2).
   *
   * @param idTag the id the decision is about
   * @param info the central system's decision
   */
  public void remember(String idTag, AuthorizationDecision info) {
    Optional<AuthorizationDecision> listed = localList.apply(idTag);
    if (listed.isPresent()) {
      if (validity(withExpiry(listed.get())) != validity(info)) {
        onListConflict.accept(idTag);
      }
      return;
    }
    if (!config.bool(CoreKeys.AUTHORIZATION_CACHE_ENABLED)) {
      return;
    }
    cache.remove(normal(idTag));
    cache.put(normal(idTag), info);
    while (cache.size() > CACHE_CAPACITY) {
      cache.remove(cache.keySet().iterator().next());
    }
    save();
  }

  /**
   * Answers ClearCache.
   *
   * @param router the router the central system's calls arrive on
   */
  public void register(CallRouter router) {
    router.on(ClearCacheRequest.class, (request, reply) -> {
      clearCache();
      reply.answer(new ClearCacheResponse(ClearCacheStatus.ACCEPTED));
    });
  }

  void clearCache() {
    cache.clear();
    save();
  }

  private AuthorizationDecision offline(String idTag, Optional<AuthorizationDecision> known) {
    if (!everAccepted && !offlineBeforeAcceptance) {
      // Section 4.2.1: transactions of a charge point no central system accepted may never be delivered.
      return new AuthorizationDecision(Status.INVALID, Optional.empty(), known.flatMap(AuthorizationDecision::parentIdTag));
    }
    if (known.isPresent()) {
      AuthorizationDecision info = known.get();
      if (valid(info) && !config.bool(CoreKeys.LOCAL_AUTHORIZE_OFFLINE)) {
        return new AuthorizationDecision(Status.INVALID, Optional.empty(), info.parentIdTag());
      }
      return info;
    }
    if (config.bool(CoreKeys.ALLOW_OFFLINE_TX_FOR_UNKNOWN_ID)) {
      return AuthorizationDecision.of(Status.ACCEPTED);
    }
    return AuthorizationDecision.of(Status.INVALID);
  }

  private boolean valid(AuthorizationDecision info) {
    return info.accepted();
  }

  /** The status as the list sees it: ConcurrentTx is a valid idTag that happens to be charging elsewhere. */
  private static Status validity(AuthorizationDecision info) {
    return info.status() == Status.CONCURRENT_TX ? Status.ACCEPTED : info.status();
  }

  private AuthorizationDecision withExpiry(AuthorizationDecision info) {
    boolean expired = info.accepted() && info.expiryDate().filter(d -> !d.isAfter(clock.get())).isPresent();
    return expired ? new AuthorizationDecision(Status.EXPIRED, info.expiryDate(), info.parentIdTag()) : info;
  }

  /** IdTokens are case-insensitive (OCPP 1.6 section 7.28), so the cache keys on one spelling. */
  private static String normal(String idTag) {
    return idTag.toUpperCase(java.util.Locale.ROOT);
  }

  private void save() {
    List<KnownIdTag> entries = new ArrayList<>();
    cache.forEach((tag, info) -> entries.add(new KnownIdTag(tag, info)));
    storage.save(CACHE_KEY, new CacheEntries(entries));
  }
}
