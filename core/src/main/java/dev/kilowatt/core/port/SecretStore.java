package dev.kilowatt.core.port;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the charger keeps its secrets: the AuthorizationKey of security profiles 1 and 2 and the private
 * keys of its certificates. Kept apart from {@link Storage} so that an embedder can put them in a secure
 * element or a TPM, and so that no settings file, diagnostics archive or log ever holds one.
 *
 * <p>Names follow the storage key rules ({@link Journal#isKey}). The charge point reads its secrets at start, on
 * the thread that builds it, with {@link #read}. It changes them with the calls that tell an outcome,
 * {@link #write(String, Secret, Consumer)} and {@link #erase(String, Consumer)}, on its storage writer
 * ({@code ChargePoint.Builder.storageWriter}), never on the event loop: one call at a time, each once the one
 * before has told its outcome, which the charge point then carries to the loop. Their defaults call the
 * synchronous {@link #write(String, Secret)} and {@link #erase(String)}, so a store that writes before it
 * returns implements those three calls only; a secure element with an asynchronous interface of its own
 * overrides the two that tell an outcome.
 */
public interface SecretStore {

  /**
   * The secret saved under {@code name}; empty if there is none or it can no longer be read (reported by the store).
   *
   * @param name the secret's name, e.g. the authorization key's
   * @return the secret, or empty
   */
  Optional<Secret> read(String name);

  /**
   * Saves {@code secret} under {@code name}, replacing the old one durably and atomically.
   *
   * @param name the secret's name
   * @param secret the secret to keep
   * @throws java.io.UncheckedIOException if the store refuses the write; the old secret is then still in place
   */
  void write(String name, Secret secret);

  /**
   * Removes the secret saved under {@code name}; erasing a missing secret is harmless.
   *
   * @param name the secret's name
   */
  void erase(String name);

  /**
   * Saves {@code secret} under {@code name} as {@link #write(String, Secret)} does, then tells {@code whenDone} how it
   * went: {@link Journal.Outcome.Durable} once the secret survives a power cut, {@link Journal.Outcome.Failed} if
   * the store refused it, the old secret then still in place. {@code whenDone} may run on any thread. This default
   * writes on the calling thread and tells at once.
   *
   * @param name the secret's name
   * @param secret the secret to keep
   * @param whenDone told the outcome, once
   */
  default void write(String name, Secret secret, Consumer<Journal.Outcome> whenDone) {
    told(() -> write(name, secret), whenDone);
  }

  /**
   * Removes the secret saved under {@code name} as {@link #erase(String)} does, then tells {@code whenDone} how it
   * went, as {@link #write(String, Secret, Consumer)} tells it. This default erases on the calling thread and tells
   * at once.
   *
   * @param name the secret's name
   * @param whenDone told the outcome, once
   */
  default void erase(String name, Consumer<Journal.Outcome> whenDone) {
    told(() -> erase(name), whenDone);
  }

  /** Runs {@code change} and tells {@code whenDone} whether it threw. */
  private static void told(Runnable change, Consumer<Journal.Outcome> whenDone) {
    Journal.Outcome outcome;
    try {
      change.run();
      outcome = new Journal.Outcome.Durable(0);
    } catch (RuntimeException e) {
      outcome = new Journal.Outcome.Failed(String.valueOf(e.getMessage()));
    }
    whenDone.accept(outcome);
  }
}
