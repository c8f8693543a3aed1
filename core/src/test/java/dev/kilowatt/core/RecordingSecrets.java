package dev.kilowatt.core;

import dev.kilowatt.core.port.Secret;
import dev.kilowatt.core.port.SecretStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An embedder's synchronous secret store in memory, as a file store or a secure element would be: it records the
 * thread of every change, and refuses changes while the test says so (the old secret then stays, as the port promises).
 */
final class RecordingSecrets implements SecretStore {

  final Map<String, Secret> secrets = new ConcurrentHashMap<>();
  final List<Thread> changedOn = new CopyOnWriteArrayList<>();
  volatile boolean refuse;

  @Override
  public Optional<Secret> read(String name) {
    return Optional.ofNullable(secrets.get(name));
  }

  @Override
  public void write(String name, Secret secret) {
    changing();
    secrets.put(name, secret);
  }

  @Override
  public void erase(String name) {
    changing();
    secrets.remove(name);
  }

  /** {@return the secret under {@code name} as text, or empty} */
  Optional<String> text(String name) {
    return read(name).map(s -> new String(s.bytes(), StandardCharsets.UTF_8));
  }

  private void changing() {
    changedOn.add(Thread.currentThread());
    if (refuse) {
      throw new UncheckedIOException(new IOException("the secure element refuses the write"));
    }
  }
}
