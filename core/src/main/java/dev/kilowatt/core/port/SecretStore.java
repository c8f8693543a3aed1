package dev.kilowatt.core.port;

import java.util.Optional;

/**
 * Where the charger keeps its secrets: the AuthorizationKey of security profiles 1 and 2 and the private
 * keys of its certificates. Kept apart from {@link Storage} so that an embedder can put them in a secure
 * element or a TPM, and so that no settings file, diagnostics archive or log ever holds one.
 *
 * <p>Names follow the storage key rules ({@link Journal#isKey}). Secrets change rarely (a key change, a new
 * certificate), so the calls are synchronous; an implementation keeps them short.
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
}
