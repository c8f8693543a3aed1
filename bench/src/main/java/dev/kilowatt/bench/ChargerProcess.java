package dev.kilowatt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A charge point under measurement, as a child process: the packaged Kilowatt simulator, or the Node echo
 * floor. Its standard output is read and thrown away, so printing costs what it costs on a console.
 */
final class ChargerProcess implements AutoCloseable {

  /** Which charge point: the echo floor answers calls but has no connector to plug into. */
  enum Kind {
    KILOWATT("Kilowatt"), ECHO("echo floor");

    final String title;

    Kind(String title) {
      this.title = title;
    }
  }

  final Kind kind;
  /** System.nanoTime just before the process was started. */
  final long started;
  private final Process process;
  private final OutputStream input;

  private ChargerProcess(Kind kind, List<String> command, ProcessBuilder.Redirect errors) {
    this.kind = kind;
    this.started = System.nanoTime();
    try {
      this.process = new ProcessBuilder(command).redirectError(errors).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
    this.input = process.getOutputStream();
    Thread.ofPlatform().daemon().name(kind.name().toLowerCase() + "-stdout").start(() -> discard(process.getInputStream()));
  }

  /** {@code java <jvmOptions> -jar <jar> --csms <url> --id KW-BENCH --data-dir <dataDir>} on this JVM's java. */
  static ChargerProcess kilowatt(Path jar, List<String> jvmOptions, String url, Path dataDir) {
    return kilowatt(jar, jvmOptions, url, dataDir, ProcessBuilder.Redirect.INHERIT);
  }

  /** As {@link #kilowatt(Path, List, String, Path)}, its standard error (its log) going to {@code errors}. */
  static ChargerProcess kilowatt(Path jar, List<String> jvmOptions, String url, Path dataDir, ProcessBuilder.Redirect errors) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--csms", url, "--id", "KW-BENCH", "--data-dir", dataDir.toString()));
    return new ChargerProcess(Kind.KILOWATT, command, errors);
  }

  /** {@code node echo.js <url>/ECHO} from the echo's folder. */
  static ChargerProcess echo(Path echoDir, String url) {
    return new ChargerProcess(Kind.ECHO, List.of("node", echoDir.resolve("echo.js").toString(), url + "/ECHO"),
        ProcessBuilder.Redirect.INHERIT);
  }

  long pid() {
    return process.pid();
  }

  ProcStatus status() {
    return ProcStatus.of(process.pid())
        .orElseThrow(() -> new IllegalStateException(kind.title + " has ended (exit " + exitValue() + ")"));
  }

  /** Types one console line (simulator only). */
  void type(String line) {
    try {
      input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      input.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(kind.title + " no longer reads its input", e);
    }
  }

  private String exitValue() {
    return process.isAlive() ? "still running" : Integer.toString(process.exitValue());
  }

  private static void discard(InputStream out) {
    byte[] buffer = new byte[8192];
    try (out) {
      while (out.read(buffer) >= 0) {
        // what the charger prints is not measured, only that it is read as fast as a console would
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
