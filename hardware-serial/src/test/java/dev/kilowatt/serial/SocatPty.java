package dev.kilowatt.serial;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by socat, with stable link names in a directory: {@link #adapterEnd} for the
 * adapter under test, {@link #deviceEnd} for the fake device. {@link #unplug} kills socat (it removes the links,
 * and both ends see the line die); {@link #plugIn} starts it again under the same names.
 */
final class SocatPty implements AutoCloseable {

  static final String MISSING = "socat is not installed (apt-get install socat; .ci/run installs it): the serial tests need a pseudo-terminal pair";

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

  /**
   * Starts socat and returns once it reports its data transfer loop: by then both pseudo-terminals have their
   * raw settings. Opening an end as soon as its link appears could race with those settings, and a port whose
   * termios socat rewrites afterwards blocks in read.
   */
  void plugIn() throws IOException {
    Files.deleteIfExists(adapterEnd);
    Files.deleteIfExists(deviceEnd);
    Process started = new ProcessBuilder(
            "socat", "-d", "-d", "pty,raw,echo=0,link=" + adapterEnd, "pty,raw,echo=0,link=" + deviceEnd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    process = started;
    CountDownLatch ready = new CountDownLatch(1);
    // Keeps reading socat's log to the end, so that socat never blocks on a full pipe.
    Thread.ofPlatform().daemon().name("socat-log").start(() -> {
      try (BufferedReader log = started.errorReader()) {
        for (String line = log.readLine(); line != null; line = log.readLine()) {
          if (line.contains("starting data transfer loop")) {
            ready.countDown();
          }
        }
      } catch (IOException e) {
        // socat ended; its exit is what the waiting side notices.
      }
    });
    Await.until(
        () -> !started.isAlive() || ready.getCount() == 0,
        Duration.ofSeconds(5),
        "socat to start its data transfer loop");
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
