package dev.kilowatt.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The simulated charger as a child process, started the way its users start it (its main class and command
 * line), driven through standard input and watched through standard output. Power loss is
 * {@link #kill()}: SIGKILL, no shutdown hook runs.
 */
final class SimulatorProcess implements AutoCloseable {

  private final Process process;
  private final Writer input;
  private final List<String> lines = new ArrayList<>();

  private SimulatorProcess(Process process) {
    this.process = process;
    this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread.ofPlatform().daemon().name("simulator-stdout").start(this::collectOutput);
  }

  /** Starts {@code java -cp <this test's classpath> dev.kilowatt.examples.SimulatedCharger <args>}. */
  static SimulatorProcess start(String... args) {
    return run(List.of("-cp", System.getProperty("java.class.path"), SimulatedCharger.class.getName()), args);
  }

  /** Starts {@code java <jvmOptions> -jar <jar> <args>}, as a user runs the packaged simulator. */
  static SimulatorProcess startJar(Path jar, List<String> jvmOptions, String... args) {
    List<String> launch = new ArrayList<>(jvmOptions);
    launch.addAll(List.of("-jar", jar.toString()));
    return run(launch, args);
  }

  private static SimulatorProcess run(List<String> launch, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(launch);
    command.addAll(List.of(args));
    try {
      return new SimulatorProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the simulator", e);
    }
  }

  /** Writes one console line. */
  void type(String line) {
    try {
      input.write(line + "\n");
      input.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the simulator does not read its input any more", e);
    }
  }

  /** Ends the standard input, as the end of a piped script does. */
  void closeInput() {
    try {
      input.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for an output line, after {@code from} lines, that passes {@code test}; returns its index. */
  synchronized int awaitLine(int from, Predicate<String> test, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (int i = from; i < lines.size(); i++) {
        if (test.test(lines.get(i))) {
          return i;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no such output line within " + timeout.toSeconds() + " s; output:\n" + String.join("\n", lines));
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** Every line printed so far. */
  synchronized List<String> output() {
    return List.copyOf(lines);
  }

  synchronized int lineCount() {
    return lines.size();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Power loss: SIGKILL, and waits until the process is gone. */
  void kill() {
    process.destroyForcibly();
    exitStatus(Duration.ofSeconds(10));
  }

  /** Waits for the process to end by itself; returns its exit status. */
  int exitStatus(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("the simulator still runs after " + timeout.toSeconds() + " s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private void collectOutput() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        synchronized (this) {
          lines.add(line);
          notifyAll();
        }
      }
    } catch (IOException e) {
      // the process is gone; what it printed is kept
    }
  }
}
