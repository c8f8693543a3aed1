package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.ocpp.CentralSystemAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The independent central system of these tests: ocpp-rpc's server in strict mode (src/test/node), run
 * as a child process on a loopback port and driven over its standard input and output. Without node
 * and npm the tests fail, saying so: they are never skipped. Public for the tests of {@code examples}, which run
 * the simulator against it over 2.0.1 (this module's test jar).
 */
public final class CentralSystemProcess implements AutoCloseable {

  /** How long a test waits for a line before it fails: a guard against a hang, not a measured time. */
  private static final long PATIENCE_SECONDS = 60;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();
  private final StringBuffer stderr = new StringBuffer();
  private final int port;
  private final String scheme;

  private CentralSystemProcess(Process process, String scheme) {
    this.process = process;
    this.scheme = scheme;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), lines::add);
    pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)),
        line -> stderr.append(line).append('\n'));
    this.port = Integer.parseInt(await(line -> line.startsWith("listening ")).substring("listening ".length()));
  }

  /** Starts the central system, accepting only {@code subprotocols}. */
  public static CentralSystemProcess start(String... subprotocols) {
    return launch(List.of(String.join(",", subprotocols)));
  }

  /**
   * Starts the central system for ocpp2.0.1 with the security options of central-system.js: {@code --password
   * <hex>}, {@code --tls <p12 file>} (then its URLs are {@code wss://}), {@code --client-ca <pem file>}.
   */
  public static CentralSystemProcess secured(String... options) {
    List<String> arguments = new ArrayList<>(List.of("ocpp2.0.1"));
    arguments.addAll(List.of(options));
    return launch(arguments);
  }

  private static CentralSystemProcess launch(List<String> arguments) {
    Path folder = Path.of(System.getProperty("kilowatt.centralSystemScript", "src/test/node")).toAbsolutePath();
    requireTool(folder, "node", "--version");
    if (!Files.isDirectory(folder.resolve("node_modules"))) {
      requireTool(folder, "npm", "--version");
      if (run(folder, "npm", "ci", "--offline", "--no-audit", "--no-fund").exitCode() != 0) {
        Outcome online = run(folder, "npm", "ci", "--no-audit", "--no-fund");
        if (online.exitCode() != 0) {
          fail("npm ci failed in " + folder + ", so the test central system (ocpp-rpc) is missing:\n" + online.output());
        }
      }
    }
    try {
      List<String> command = new ArrayList<>(List.of("node", "central-system.js"));
      command.addAll(arguments);
      return new CentralSystemProcess(new ProcessBuilder(command).directory(folder.toFile()).start(),
          arguments.contains("--tls") ? "wss" : "ws");
    } catch (IOException e) {
      return fail("cannot start the test central system with node in " + folder + ": " + e.getMessage());
    }
  }

  private static void requireTool(Path folder, String tool, String versionFlag) {
    try {
      if (run(folder, tool, versionFlag).exitCode() == 0) {
        return;
      }
    } catch (IllegalStateException e) {
      // reported below
    }
    fail(tool + " is missing: the OCPP 2.0.1 tests run an independent central system (npm's ocpp-rpc) and need"
        + " Node.js 18 or newer with npm on the PATH");
  }

  private record Outcome(int exitCode, String output) {
  }

  /** Runs a tool to its end; its output is kept for a failure message, not let into the test JVM's own. */
  private static Outcome run(Path folder, String... command) {
    try {
      Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Outcome(process.waitFor(), output);
    } catch (IOException e) {
      throw new IllegalStateException(command[0] + " cannot run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command[0], e);
    }
  }

  private static void pump(BufferedReader reader, Consumer<String> sink) {
    Thread thread = new Thread(() -> {
      try (reader) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          sink.accept(line);
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "central-system-output");
    thread.setDaemon(true);
    thread.start();
  }

  /** The URL a station with {@code identity} connects to. */
  public URI endpoint(String identity) {
    return address(identity).endpoint();
  }

  /** Where a station with {@code identity} connects to: this central system's URL and the identity. */
  public CentralSystemAddress address(String identity) {
    return new CentralSystemAddress(url(), identity);
  }

  /** This central system's URL, to which a station appends its identity; the same after {@code offline}, {@code online}. */
  public URI url() {
    return URI.create(scheme + "://127.0.0.1:" + port);
  }

  /** Sends one command line (see central-system.js). */
  public void send(String command) {
    try {
      stdin.write(command + "\n");
      stdin.flush();
    } catch (IOException e) {
      fail("the test central system is gone: " + e.getMessage() + "\n" + stderr);
    }
  }

  /**
   * The next line that matches, skipping (and keeping for the failure message) those that do not; within
   * {@code PATIENCE_SECONDS} in all, so that a station that keeps talking cannot make a test wait for ever.
   */
  public String await(Predicate<String> wanted) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    try {
      while (true) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null) {
          return fail("the test central system never reported the line awaited; it reported " + seen
              + "\nits errors: " + stderr);
        }
        seen.add(line);
        if (wanted.test(line)) {
          return line;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  /** The next line that starts with {@code prefix}, as {@link #await} finds it. */
  public String awaitPrefix(String prefix) {
    return await(line -> line.startsWith(prefix));
  }

  /** The JSON that follows {@code prefix} on the next line that starts with it. */
  public JsonNode awaitJson(String prefix) {
    try {
      return JSON.readTree(awaitPrefix(prefix).substring(prefix.length()));
    } catch (IOException e) {
      return fail("not JSON after " + prefix + ": " + e.getMessage());
    }
  }

  /** The payload of the next call of {@code action} the central system received. */
  public JsonNode received(String action) {
    return awaitJson("received " + action + " ");
  }

  /** Every line reported so far, awaited or skipped, with those still queued. */
  public List<String> reported() {
    List<String> all = new ArrayList<>(seen);
    all.addAll(lines);
    return all;
  }

  @Override
  public void close() throws InterruptedException {
    send("quit");
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
