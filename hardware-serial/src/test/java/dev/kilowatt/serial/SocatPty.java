package dev.kilowatt.serial;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by socat, with stable link names in a directory: {@link #adapterEnd} for the
 * adapter under test, {@link #deviceEnd} for the fake device. {@link #unplug} kills socat (it removes the links,
 * and both ends see the line die); {@link #plugIn} starts it again under the same names.
 */
final class SocatPty implements AutoCloseable {

  static final String MISSING = "socat not installed (apt-get install socat): the serial tests need a pseudo-terminal pair";

  private final Path adapterEnd;
  private final Path deviceEnd;
  private Process process;

  private SocatPty(Path directory) {
    this.adapterEnd = directory.resolve("adapter");
    this.deviceEnd = directory.resolve("device");
  }

  static boolean installed() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "socat"))) {
        return true;
      }
    }
    return false;
  }

  static SocatPty start(Path directory) throws IOException {
    SocatPty pty = new SocatPty(directory);
    pty.plugIn();
    return pty;
  }

  Path adapterEnd() {
    return adapterEnd;
  }

  Path deviceEnd() {
    return deviceEnd;
  }

  void plugIn() throws IOException {
    Files.deleteIfExists(adapterEnd);
    Files.deleteIfExists(deviceEnd);
    process = new ProcessBuilder(
            "socat", "-d", "-d", "pty,raw,echo=0,link=" + adapterEnd, "pty,raw,echo=0,link=" + deviceEnd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Process started = process;
    Await.until(
        () -> !started.isAlive() || (Files.exists(adapterEnd) && Files.exists(deviceEnd)),
        Duration.ofSeconds(5),
        "socat to create its pseudo-terminals");
    if (!started.isAlive()) {
      throw new IOException("socat exited with " + started.exitValue());
    }
  }

  void unplug() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    process = null;
  }

  @Override
  public void close() throws InterruptedException {
    unplug();
  }
}
