package dev.kilowatt.core.security;

import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Secret;
import dev.kilowatt.core.port.SecretStore;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The private keys of the charge point's certificates, in the {@link SecretStore}: the saved signing request
 * and certificates keep only their public half. A key is named by a digest of its public key, so the key of
 * a signing request is already in place when its certificate arrives.
 *
 * <p>Keys are read at start and changed through the store's calls that tell an outcome: what uses a new key waits
 * until the store holds it durably.
 */
final class PrivateKeys {

  private static final System.Logger LOG = System.getLogger(PrivateKeys.class.getName());
  private static final String PREFIX = "security/private-key-";
  /** Bytes of the SHA-256 of the public key in a name: enough to tell the few kept keys apart. */
  private static final int NAME_BYTES = 16;

  private final SecretStore secrets;

  PrivateKeys(SecretStore secrets) {
    this.secrets = secrets;
  }

  /**
   * Keeps {@code privateKeyPem}, the private half of the DER {@code publicKey}; {@code kept} hears, on the loop, true
   * once it is durable, false if the store refused it (logged here).
   */
  void keep(byte[] publicKey, String privateKeyPem, Consumer<Boolean> kept) {
    String name = nameOf(publicKey);
    secrets.write(name, Secret.of(privateKeyPem.getBytes(StandardCharsets.US_ASCII)), outcome -> {
      boolean durable = outcome instanceof Journal.Outcome.Durable;
      if (!durable) {
        LOG.log(Level.ERROR, "the private key {0} could not be kept ({1})", name, outcome);
      }
      kept.accept(durable);
    });
  }

  /** The private half of {@code publicKey}, if it is kept; read at start. */
  Optional<String> find(byte[] publicKey) {
    Optional<String> key = secrets.read(nameOf(publicKey)).map(s -> new String(s.bytes(), StandardCharsets.US_ASCII));
    if (key.isEmpty()) {
      LOG.log(Level.ERROR, "the private key {0} is missing from the secret store", nameOf(publicKey));
    }
    return key;
  }

  /** Erases the private half of {@code publicKey}; a key the store keeps anyway is only logged, since it is used no more. */
  void forget(byte[] publicKey) {
    String name = nameOf(publicKey);
    secrets.erase(name, outcome -> {
      if (!(outcome instanceof Journal.Outcome.Durable)) {
        LOG.log(Level.WARNING, "the private key {0} could not be erased ({1})", name, outcome);
      }
    });
  }

  static byte[] publicKeyOf(String base64) {
    return Base64.getDecoder().decode(base64);
  }

  private static String nameOf(byte[] publicKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
      return PREFIX + HexFormat.of().formatHex(digest, 0, NAME_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
