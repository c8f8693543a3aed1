package dev.kilowatt.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.ocpp.TrafficListener.Direction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web console's HTTP side on loopback, with a station that does what it is told. */
class WebConsoleTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LiveTraffic traffic = new LiveTraffic();
  private final FakeStation station = new FakeStation();
  private final HttpClient http = HttpClient.newHttpClient();
  private WebConsole console;

  /** Answers from a view set by the test; records the lines it runs. */
  private static final class FakeStation implements ConsoleStation {
    final AtomicReference<Optional<StationView>> view = new AtomicReference<>(Optional.empty());
    final List<String> lines = new ArrayList<>();

    @Override
    public StationView view() {
      return view.get().orElseThrow(() -> new IllegalStateException("no power"));
    }

    @Override
    public synchronized String run(String commandLine) {
      switch (commandLine) {
        case "jump" -> throw new IllegalArgumentException("unknown command 'jump'");
        case "ev-charge" -> throw new IllegalStateException("no EV is plugged in");
        default -> lines.add(commandLine);
      }
      return commandLine.equals("status") ? "connector 1: Available\n" : "";
    }
  }

  private static StationView view(String status, double energyWh) {
    return new StationView("KW-WEB-1", Instant.parse("2026-01-01T10:00:00Z"), true, 3, 2, List.of(new ConnectorView(1, status, "NoError", "B",
        false, 0, 0, energyWh, false, Optional.empty(), OptionalDouble.empty(), "No transaction.", Optional.empty())));
  }

  @BeforeEach
  void start() {
    console = WebConsole.start(0, station, traffic);
  }

  @AfterEach
  void stop() {
    console.close();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + console.port() + path);
  }

  @Test
  void thePageAndItsFilesAreServedAndNothingElse() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<title>Kilowatt simulator</title>"));
    assertEquals("text/javascript; charset=utf-8", get("/console.js").headers().firstValue("Content-Type").orElseThrow());
    assertEquals("text/css; charset=utf-8", get("/console.css").headers().firstValue("Content-Type").orElseThrow());
    HttpResponse<String> missing = get("/secrets.txt");
    assertEquals(404, missing.statusCode());
    assertEquals("no such page: /secrets.txt", missing.body());
    assertEquals(405, post("/", "").statusCode());
    assertEquals(404, post("/command/plug", "1").statusCode());
    assertEquals(404, get("/events.json").statusCode());
  }

  @Test
  void aCommandLineIsRunAndABadOneIsRefusedWithItsReason() throws Exception {
    HttpResponse<String> status = post("/command", "status");
    assertEquals(200, status.statusCode());
    assertEquals("connector 1: Available\n", status.body());

    HttpResponse<String> unknown = post("/command", "jump");
    assertEquals(400, unknown.statusCode());
    assertEquals("unknown command 'jump'", unknown.body());
    HttpResponse<String> impossible = post("/command", "ev-charge");
    assertEquals(409, impossible.statusCode());
    assertEquals("no EV is plugged in", impossible.body());
    HttpResponse<String> tooLong = post("/command", "card " + "9".repeat(WebConsole.MAX_COMMAND_BYTES));
    assertEquals(413, tooLong.statusCode());
    assertEquals(405, get("/command").statusCode());

    assertEquals(List.of("status"), station.lines, "only the good line reached the station");
  }

  @Test
  void theEventStreamOpensWithTheStateAndTheTrafficAndThenPushesChanges() throws Exception {
    station.view.set(Optional.of(view("Available", 12.5)));
    traffic.onFrame(Direction.SENT, "[2,\"b1\",\"BootNotification\",{}]");
    HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(uri("/events")).build(), HttpResponse.BodyHandlers.ofLines());
    assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElseThrow());
    Iterator<String> lines = stream.body().iterator();

    JsonNode first = nextEvent(lines, "state");
    JsonNode state = first.get("available").asBoolean() ? first : nextEvent(lines, "state");
    assertEquals("KW-WEB-1", state.get("chargePointId").asText());
    assertEquals(3, state.get("queuedTransactionMessages").asInt());
    assertEquals("Available", state.get("connectors").get(0).get("status").asText());
    assertTrue(state.get("connectors").get(0).get("chart").asText().startsWith("<svg"));
    assertEquals("BootNotification", nextEvent(lines, "traffic").get("action").asText());

    traffic.onFrame(Direction.RECEIVED, "[3,\"b1\",{\"status\":\"Accepted\"}]");
    JsonNode answer = nextEvent(lines, "traffic");
    assertEquals("BootNotification", answer.get("action").asText());
    assertEquals("received", answer.get("direction").asText());

    station.view.set(Optional.of(view("Preparing", 12.5)));
    post("/command", "plug 1");
    assertEquals("Preparing", nextEvent(lines, "state").get("connectors").get(0).get("status").asText());

    station.view.set(Optional.empty());
    JsonNode gone = nextEvent(lines, "state");
    assertEquals(false, gone.get("available").asBoolean());
    assertEquals("no power", gone.get("reason").asText());
    stream.body().close();
  }

  /** Reads the stream up to the next event called {@code name}, skipping others, and returns its data. */
  private static JsonNode nextEvent(Iterator<String> lines, String name) throws Exception {
    CompletableFuture<JsonNode> event = CompletableFuture.supplyAsync(() -> {
      String current = "";
      while (lines.hasNext()) {
        String line = lines.next();
        if (line.startsWith("event: ")) {
          current = line.substring("event: ".length());
        } else if (line.startsWith("data: ") && current.equals(name)) {
          try {
            return JSON.readTree(line.substring("data: ".length()));
          } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + line, e);
          }
        }
      }
      throw new IllegalStateException("the stream ended before a " + name + " event");
    });
    return event.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
