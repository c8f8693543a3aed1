package dev.kilowatt.core.configuration;

import dev.kilowatt.core.internal.ConfigKey;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.SecretStore;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The charge point's configuration keys and their current values, persisted on every change. Each
 * profile defines its own keys here and subscribes to the changes it must act on.
 *
 * <p>The value of a write-only key is a secret (the AuthorizationKey): it is kept in the {@link SecretStore},
 * never in the settings, and read from it when the key is defined. A value an older version left in the settings
 * in clear is moved there then, and taken out of the settings once the store holds it durably; a clear copy beside a
 * secret the store holds is a leftover of such a move and is dropped.
 *
 * <p>Key names are CiStrings (OCPP 1.6 section 7): every lookup, a factory value's key and a stored value's key
 * match a defined key whatever their case, and answers name a key as it was defined.
 */
public final class Configuration {

  private static final System.Logger LOG = System.getLogger(Configuration.class.getName());
  private static final String STORAGE_KEY = "configuration";

  /**
   * The persisted form: only values that differ from the defaults.
   * @param changed value by key name; a write-only key's value belongs in the secret store, not here
   */
  public record Values(Map<String, String> changed) {
    /** Copies the values. */
    public Values {
      changed = Map.copyOf(changed);
    }
  }

  private final Storage storage;
  private final ConfigSecrets secrets;
  /** By {@link #fold folded} name, in the order of definition (GetConfiguration's order). */
  private final Map<String, ConfigKey> keys = new LinkedHashMap<>();
  private final Map<String, String> values = new HashMap<>();
  /** The values saved last, durable or not yet. */
  private final Map<String, String> persisted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  /** The values the storage last reported durable: what a save it refuses puts back in force. */
  private final Map<String, String> durable = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, List<Consumer<String>>> listeners = new HashMap<>();
  private final Map<String, Function<String, Optional<String>>> guards = new HashMap<>();
  private final FactoryValues factory;

  /**
   * Secrets are kept on {@code storage} too, apart from the settings ({@link StoredSecrets}).
   * @param storage where the changed values survive a reboot
   * @param embedderDefaults factory values by key name, which replace the keys' own defaults
   */
  public Configuration(Storage storage, Map<String, String> embedderDefaults) {
    this(storage, new StoredSecrets(storage), embedderDefaults);
  }

  /**
   * Secrets (write-only keys) are kept in {@code secrets}; {@code embedderDefaults} replace the factory values.
   * @param storage where the changed values survive a reboot
   * @param secrets where the values of write-only keys are kept
   * @param embedderDefaults factory values by key name, in any case; checked by {@link #verifyFactoryValues}
   */
  public Configuration(Storage storage, SecretStore secrets, Map<String, String> embedderDefaults) {
    this.storage = storage;
    this.secrets = new ConfigSecrets(secrets);
    this.factory = new FactoryValues(embedderDefaults);
    storage.load(STORAGE_KEY, Values.class).ifPresent(v -> persisted.putAll(v.changed()));
    durable.putAll(persisted);
  }

  /**
   * Adds a key. Its value is the persisted one, else the embedder's default, else the key's own default;
   * a stored value that no longer validates (after a firmware update narrowed a range) falls back.
   * @param key the definition
   * @throws IllegalStateException if a key of that name, in any case, is defined already
   */
  public void define(ConfigKey key) {
    ConfigKey taken = keys.putIfAbsent(fold(key.name()), key);
    if (taken != null) {
      throw new IllegalStateException("configuration key defined twice: " + key.name()
          + (taken.name().equals(key.name()) ? "" : " (as " + taken.name() + ")"));
    }
    factory.check(key);
    String stored = key.access() == ConfigKey.Access.WRITE_ONLY ? storedSecret(key.name()) : persisted.get(key.name());
    Optional<String> storedProblem = stored == null ? Optional.empty() : key.type().problem(stored);
    storedProblem.ifPresent(why -> LOG.log(Level.WARNING, "stored value {0} of {1} is no longer valid ({2}); the default applies",
        ConfigSecrets.shown(key, stored), key.name(), why));
    values.put(fold(key.name()), stored != null && storedProblem.isEmpty() ? key.type().normalise(stored) : factory.defaultOf(key));
  }

  /**
   * Whether a key of that name is defined.
   * @param name a key name, in any case
   * @return whether it is defined
   */
  public boolean defines(String name) {
    return keys.containsKey(fold(name));
  }

  /**
   * The defined key whose name differs from {@code name} in case at most (OCPP compares CiStrings so).
   * @param name a key name, in any case
   * @return the name as the key was defined; empty if no key has it
   */
  public Optional<String> nameLike(String name) {
    return Optional.ofNullable(keys.get(fold(name))).map(ConfigKey::name);
  }

  /**
   * Fails when a factory value the embedder gave names no key defined by now, or was not acceptable to its
   * key: a mistyped key or a bad value must stop the build rather than be dropped unseen.
   *
   * @throws IllegalArgumentException naming each such key and why
   */
  public void verifyFactoryValues() {
    factory.verify(this::defines);
  }

  /**
   * Calls {@code listener} with the new value after every accepted change of {@code name}.
   * @param name a key name, in any case
   * @param listener hears the normalised new value, also of a change from inside the charge point
   */
  public void onChange(String name, Consumer<String> listener) {
    listeners.computeIfAbsent(fold(name), k -> new ArrayList<>()).add(listener);
  }

  /**
   * Adds a rule that a ChangeConfiguration.req for {@code name} must pass besides the key's type: given
   * the normalised new value, it names what is wrong, if anything. Changes from inside the charge point
   * ({@link #setInternally}) are not subject to it.
   * @param name a key name, in any case
   * @param rule what is wrong with a new value; empty to accept it; replaces an earlier rule
   */
  public void guard(String name, Function<String, Optional<String>> rule) {
    guards.put(fold(name), rule);
  }

  /**
   * The definition of {@code name}; fails for a key nobody defined.
   * @param name a key name, in any case
   * @return its definition
   */
  public ConfigKey key(String name) {
    ConfigKey key = keys.get(fold(name));
    if (key == null) {
      throw new IllegalArgumentException("undefined configuration key " + name);
    }
    return key;
  }

  /**
   * The value of {@code name} as text, secrets included; fails for a key nobody defined.
   * @param name a key name, in any case
   * @return its current value, normalised
   */
  public String text(String name) {
    String value = values.get(fold(name));
    if (value == null) {
      throw new IllegalArgumentException("undefined configuration key " + name);
    }
    return value;
  }

  /**
   * The value of an integer key.
   * @param name a key name, in any case
   * @return its current value, e.g. seconds for HeartbeatInterval
   */
  public int integer(String name) {
    return Integer.parseInt(text(name));
  }

  /**
   * The value of a boolean key.
   * @param name a key name, in any case
   * @return its current value
   */
  public boolean bool(String name) {
    return Boolean.parseBoolean(text(name));
  }

  /**
   * The value of a key anyone may read over OCPP.
   * @param name a key name, in any case
   * @return its current value; empty for an undefined key and for a secret
   */
  public Optional<String> readable(String name) {
    ConfigKey key = keys.get(fold(name));
    return key == null || key.access() == ConfigKey.Access.WRITE_ONLY ? Optional.empty() : Optional.of(values.get(fold(name)));
  }

  /**
   * The items of a comma-separated list key, in order.
   * @param name a key name, in any case
   * @return the items, trimmed; empty when the value is blank
   */
  public List<String> list(String name) {
    return ConfigKey.CommaSeparatedList.split(text(name));
  }

  /**
   * Sets a value from inside the charge point (e.g. the heartbeat interval a BootNotification gave): the
   * type still applies, the access and the guard do not.
   * @param name a key name, in any case
   * @param value the new value
   * @throws IllegalArgumentException for an undefined key, a write-only one (a secret changes only over ChangeConfiguration,
   *     which waits for the secret store) or a value its type refuses
   */
  public void setInternally(String name, String value) {
    ConfigKey key = keys.get(fold(name));
    if (key == null || key.access() == ConfigKey.Access.WRITE_ONLY || key.type().problem(value).isPresent()) {
      throw new IllegalArgumentException(name + "=" + value);
    }
    String normalised = key.type().normalise(value);
    storage.save(STORAGE_KEY, persist(key, normalised));
    set(key, normalised);
  }

  /**
   * Applies a ChangeConfiguration.req as OCPP 1.6 section 5.3 says. The answer waits for the save to be durable (a
   * secret's in the secret store), and the new value is in force from then on; a save the storage or the secret store
   * refuses leaves the value saved before in force.
   * @param name the key as the central system named it, in any case
   * @param value the new value
   * @param answer told, on the loop, NotSupported for an unknown key; Rejected for a read-only key, a value its type
   *     or guard refuses, or one that could not be saved; RebootRequired or Accepted once the value is durable
   */
  public void change(String name, String value, Consumer<ConfigurationStatus> answer) {
    ConfigKey key = keys.get(fold(name));
    if (key == null) {
      answer.accept(ConfigurationStatus.NOT_SUPPORTED);
      return;
    }
    if (!key.access().writable() || key.type().problem(value).isPresent()) {
      answer.accept(ConfigurationStatus.REJECTED);
      return;
    }
    String normalised = key.type().normalise(value);
    Optional<String> refused = guards.getOrDefault(fold(name), v -> Optional.empty()).apply(normalised);
    if (refused.isPresent()) {
      LOG.log(Level.INFO, "ChangeConfiguration of {0} rejected: {1}", key.name(), refused.get());
      answer.accept(ConfigurationStatus.REJECTED);
      return;
    }
    if (key.access() == ConfigKey.Access.WRITE_ONLY) {
      changeSecret(key, normalised, answer);
      return;
    }
    Values next = persist(key, normalised);
    storage.save(STORAGE_KEY, next, outcome -> {
      if (outcome instanceof Journal.Outcome.Durable) {
        durable.clear();
        durable.putAll(next.changed());
        accept(key, normalised, answer);
      } else {
        LOG.log(Level.ERROR, "ChangeConfiguration of {0} could not be saved ({1}); the value saved before stays in force",
            key.name(), outcome);
        revert();
        answer.accept(ConfigurationStatus.REJECTED);
      }
    });
  }

  /**
   * The keys a GetConfiguration.req asks for (all when {@code requested} is empty), each under the name it
   * was defined with, and the unknown ones as they were asked for.
   * @param requested the key names asked for, in any case
   * @return the keys found, with their values (none for a secret), and the names not found
   */
  public Lookup lookup(List<String> requested) {
    List<KeyValue> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<String> names = requested.isEmpty() ? keys.values().stream().map(ConfigKey::name).toList() : requested;
    for (String name : names) {
      ConfigKey key = keys.get(fold(name));
      if (key == null) {
        unknown.add(name);
      } else {
        known.add(new KeyValue(key.name(), !key.access().writable(), readable(name)));
      }
    }
    return new Lookup(known, unknown);
  }

  /**
   * What GetConfiguration answers: the keys found with their values, the names not found.
   * @param known configurationKey: the keys found, each with its readonly flag and value
   * @param unknown unknownKey: the names asked for that no key has
   */
  public record Lookup(List<KeyValue> known, List<String> unknown) {}

  /** {@return every key and value, in the order of definition, secrets masked, for diagnostics} */
  public Map<String, String> snapshotMasked() {
    Map<String, String> out = new LinkedHashMap<>();
    keys.forEach((folded, key) -> out.put(key.name(), ConfigSecrets.shown(key, values.get(folded))));
    return out;
  }

  /** The new value of a write-only key is in the secret store before it is answered or in force. */
  private void changeSecret(ConfigKey key, String value, Consumer<ConfigurationStatus> answer) {
    secrets.write(key.name(), value, outcome -> {
      if (outcome instanceof Journal.Outcome.Durable) {
        dropClearCopy(key.name());
        accept(key, value, answer);
      } else {
        LOG.log(Level.ERROR, "ChangeConfiguration of {0} could not be kept in the secret store ({1}); the value kept before stays in force",
            key.name(), outcome);
        answer.accept(ConfigurationStatus.REJECTED);
      }
    });
  }

  /** Answered before the change takes effect, so what its listeners send or do comes after the answer. */
  private void accept(ConfigKey key, String value, Consumer<ConfigurationStatus> answer) {
    answer.accept(key.rebootRequired() ? ConfigurationStatus.REBOOT_REQUIRED : ConfigurationStatus.ACCEPTED);
    set(key, value);
  }

  /**
   * The secret value of a write-only key, or null. One an older version saved in clear is in force at once and moved
   * into the secret store, and out of the settings once the store holds it; if the store refuses it, it stays where it
   * was and is moved at the next start.
   */
  private String storedSecret(String name) {
    Optional<String> kept = secrets.read(name);
    String clear = persisted.get(name);
    if (clear == null || kept.isPresent()) {
      // beside a kept secret a clear copy is stale: a move, or a later change, reached the store and not the settings
      dropClearCopy(name);
      return kept.orElse(null);
    }
    secrets.write(name, clear, outcome -> {
      if (outcome instanceof Journal.Outcome.Durable) {
        LOG.log(Level.INFO, "{0} moved from the settings into the secret store", name);
        dropClearCopy(name);
      } else {
        LOG.log(Level.ERROR, "cannot move {0} into the secret store ({1}); it stays in the settings for now", name, outcome);
      }
    });
    return clear;
  }

  /** Takes a clear copy of the secret {@code name} out of the settings, if they hold one. */
  private void dropClearCopy(String name) {
    if (persisted.remove(name) != null) {
      durable.remove(name);
      storage.save(STORAGE_KEY, new Values(persisted));
    }
  }

  /** A name as the maps hold it: CiStrings of printable ASCII compare equal exactly when these do. */
  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The settings with {@code value} for {@code key}, kept as the ones saved last. */
  private Values persist(ConfigKey key, String value) {
    Map<String, String> next = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    next.putAll(persisted);
    if (value.equals(factory.defaultOf(key))) {
      next.remove(key.name());
    } else {
      next.put(key.name(), value);
    }
    persisted.clear();
    persisted.putAll(next);
    return new Values(next);
  }

  /** Saves the durable settings again, so that refused values are never written later. */
  private void revert() {
    persisted.clear();
    persisted.putAll(durable);
    storage.save(STORAGE_KEY, new Values(persisted));
  }

  private void set(ConfigKey key, String value) {
    String old = values.put(fold(key.name()), value);
    if (!value.equals(old)) {
      listeners.getOrDefault(fold(key.name()), List.of()).forEach(l -> l.accept(value));
    }
  }
}
