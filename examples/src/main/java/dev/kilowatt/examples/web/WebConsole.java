package dev.kilowatt.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's live web console: one page that shows a station and drives it with the console's
 * commands, kept up to date with server-sent events. It listens on loopback only, since whoever reaches it
 * can plug, unplug and cut the power of the station.
 *
 * <ul>
 *   <li>{@code GET /}: the page, with its style sheet and script beside it;</li>
 *   <li>{@code GET /events}: the event stream: {@code state} (the station, as JSON) whenever it changes, and
 *       {@code traffic} (one OCPP frame) for each frame;</li>
 *   <li>{@code POST /command}: one console line as the body; 200 with what the console printed, 400 when the line
 *       is no command, 409 when the station cannot do it now, each with a message for people.</li>
 * </ul>
 */
public final class WebConsole implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebConsole.class);
  /**
   * How often the station is looked at. Meters and pilots change without telling anyone, so the server
   * looks; the page itself never polls, it hears the changes.
   */
  static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
  /** A console line is short; a longer body is refused. */
  static final int MAX_COMMAND_BYTES = 1_000;
  private static final Map<String, String> FILES = Map.of(
      "/", "index.html",
      "/console.css", "console.css",
      "/console.js", "console.js");

  private final ConsoleStation station;
  private final LiveTraffic traffic;
  private final HttpServer server;
  private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().name("web-console-sampler").daemon().factory());
  private final EventStream pages = new EventStream();
  private final OfferedHistory history = new OfferedHistory(ScheduleSvg.BEHIND);
  private final AtomicBoolean sampleQueued = new AtomicBoolean();
  /** Written by the sampler alone; read by pages as they open. */
  private volatile String lastState = PageJson.unavailable("starting");

  private WebConsole(HttpServer server, ConsoleStation station, LiveTraffic traffic) {
    this.server = server;
    this.station = station;
    this.traffic = traffic;
  }

  /**
   * Serves the console on {@code port} of the loopback interface (0: any free port).
   *
   * @param port the port to listen on, 0 for any free one
   * @param station the station the console shows and commands
   * @return the running console
   * @param traffic the traffic listener the station's link reports to
   * @throws UncheckedIOException when the port cannot be had
   */
  public static WebConsole start(int port, ConsoleStation station, LiveTraffic traffic) {
    Objects.requireNonNull(station, "station");
    Objects.requireNonNull(traffic, "traffic");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the web console on port " + port + ": " + e.getMessage(), e);
    }
    WebConsole console = new WebConsole(server, station, traffic);
    console.begin();
    return console;
  }

  /** {@return the port the console listens on} */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    pages.closeAll();
    server.stop(0);
    sampler.shutdownNow();
    requests.shutdownNow();
  }

  private void begin() {
    server.setExecutor(requests);
    server.createContext("/", this::file);
    server.createContext("/events", this::events);
    server.createContext("/command", this::command);
    traffic.listen(frame -> {
      pages.publish("traffic", PageJson.frame(frame));
      sampleSoon();
    });
    sampler.scheduleWithFixedDelay(this::sample, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    server.start();
  }

  /** Looks at the station again soon, once however many ask. */
  private void sampleSoon() {
    if (sampleQueued.compareAndSet(false, true)) {
      sampler.execute(this::sample);
    }
  }

  private void sample() {
    sampleQueued.set(false);
    String state;
    try {
      StationView view = station.view();
      view.connectors().forEach(c -> history.record(c.id(), view.at(), c.offeredA()));
      state = PageJson.station(view, history);
    } catch (IllegalStateException e) {
      state = PageJson.unavailable(e.getMessage());
    } catch (RuntimeException e) {
      // A sampler that dies would freeze every page: report and go on.
      LOG.warn("the web console could not look at the station", e);
      state = PageJson.unavailable("the web console could not look at the station: " + e);
    }
    if (!state.equals(lastState)) {
      lastState = state;
      pages.publish("state", state);
    }
  }

  private void file(HttpExchange exchange) throws IOException {
    try (exchange) {
      String name = FILES.get(exchange.getRequestURI().getPath());
      if (name == null) {
        notFound(exchange);
        return;
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        answer(exchange, 405, "text/plain", "only GET here");
        return;
      }
      byte[] body;
      try (InputStream in = WebConsole.class.getResourceAsStream(name)) {
        body = Objects.requireNonNull(in, name).readAllBytes();
      }
      exchange.getResponseHeaders().set("Content-Type", contentType(name));
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private void events(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exactly(exchange, "/events")) {
        return;
      }
      pages.serve(exchange, () -> {
        // Frames heard while these are listed may come twice; the page skips sequence numbers it has seen.
        List<String> first = new ArrayList<>();
        first.add(EventStream.event("state", lastState));
        traffic.recent().forEach(f -> first.add(EventStream.event("traffic", PageJson.frame(f))));
        return first;
      });
    }
  }

  private void command(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exactly(exchange, "/command")) {
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405, "text/plain", "POST one console line");
        return;
      }
      byte[] body = exchange.getRequestBody().readNBytes(MAX_COMMAND_BYTES + 1);
      if (body.length > MAX_COMMAND_BYTES) {
        answer(exchange, 413, "text/plain", "a console line has at most " + MAX_COMMAND_BYTES + " bytes");
        return;
      }
      String line = new String(body, StandardCharsets.UTF_8);
      try {
        answer(exchange, 200, "text/plain", station.run(line));
      } catch (IllegalArgumentException e) {
        answer(exchange, 400, "text/plain", e.getMessage());
      } catch (IllegalStateException e) {
        answer(exchange, 409, "text/plain", e.getMessage());
      }
      sampleSoon();
    }
  }

  /** Whether the request is for {@code path} itself; the server hands a context every path below it too. */
  private static boolean exactly(HttpExchange exchange, String path) throws IOException {
    if (exchange.getRequestURI().getPath().equals(path)) {
      return true;
    }
    notFound(exchange);
    return false;
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    answer(exchange, 404, "text/plain", "no such page: " + exchange.getRequestURI().getPath());
  }

  private static void answer(HttpExchange exchange, int status, String type, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8";
  }
}
