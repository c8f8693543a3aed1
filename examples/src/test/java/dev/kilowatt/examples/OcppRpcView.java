package dev.kilowatt.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kilowatt.ocpp201.CentralSystemProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * npm's ocpp-rpc server in strict mode (ocpp201-adapter's test central system), read through the TransactionEvents
 * Started, Updated and Ended: one stream per transaction, named by the station's transactionId.
 */
final class OcppRpcView implements CentralSystemView {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REGISTER = "Energy.Active.Import.Register";

  private final CentralSystemProcess centralSystem = CentralSystemProcess.start("ocpp2.0.1");
  private final AtomicInteger calls = new AtomicInteger();

  @Override
  public Protocol protocol() {
    return Protocol.OCPP201;
  }

  @Override
  public URI url() {
    return centralSystem.url();
  }

  @Override
  public int boots() {
    return (int) received("BootNotification").count();
  }

  @Override
  public List<ConnectorReport> statuses() {
    return received("StatusNotification")
        .map(s -> new ConnectorReport(s.get("evseId").asInt(), s.get("connectorStatus").asText().equals("Available"))).toList();
  }

  @Override
  public List<Started> started() {
    return events("Started").map(e -> new Started(transactionId(e), e.at("/idToken/idToken").asText(), e.at("/evse/id").asInt(),
        register(e, "Transaction.Begin").orElseThrow())).toList();
  }

  @Override
  public List<Stopped> stopped() {
    return events("Ended").map(e -> new Stopped(transactionId(e), cause(e.at("/transactionInfo/stoppedReason").asText("Local")),
        register(e, "Transaction.End").orElseThrow())).toList();
  }

  @Override
  public List<Sample> samples() {
    return events("Updated").flatMap(e -> elements(e.path("meterValue")).flatMap(value -> elements(value.path("sampledValue"))
        .filter(v -> v.path("measurand").asText(REGISTER).equals(REGISTER))
        .map(v -> new Sample(transactionId(e), Instant.parse(value.get("timestamp").asText()), v.get("value").asDouble()))
        .limit(1))).toList();
  }

  @Override
  public boolean remoteStart(String token, int connector) {
    ObjectNode request = JSON.createObjectNode().put("remoteStartId", calls.get() + 1).put("evseId", connector);
    request.putObject("idToken").put("idToken", token).put("type", "Central");
    return accepted("RequestStartTransaction", request);
  }

  @Override
  public boolean remoteStop(String transaction) {
    return accepted("RequestStopTransaction", JSON.createObjectNode().put("transactionId", transaction));
  }

  @Override
  public boolean reset() {
    return accepted("Reset", JSON.createObjectNode().put("type", "Immediate"));
  }

  @Override
  public void goOffline() {
    centralSystem.send("offline");
    centralSystem.await("offline"::equals);
  }

  @Override
  public void goOnline() {
    centralSystem.send("online");
    centralSystem.awaitPrefix("online ");
  }

  @Override
  public void close() {
    try {
      centralSystem.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The messages ocpp-rpc refused for breaking their schema, as it described them. */
  List<String> strictFailures() {
    return centralSystem.reported().stream().filter(line -> line.startsWith("strictFailure ")).toList();
  }

  /** Sends a call to the station and reads the status of its answer. */
  private boolean accepted(String action, ObjectNode request) {
    String tag = "c" + calls.incrementAndGet();
    centralSystem.send("call " + tag + " " + action + " " + request);
    String answer = centralSystem.await(line -> line.startsWith("result " + tag + " ") || line.startsWith("error " + tag + " "));
    return answer.startsWith("result ") && json(answer.substring(("result " + tag + " ").length())).path("status").asText().equals("Accepted");
  }

  /** The payloads of the station's calls of {@code action} so far, in order. */
  private Stream<JsonNode> received(String action) {
    String prefix = "received " + action + " ";
    return centralSystem.reported().stream().filter(line -> line.startsWith(prefix)).map(line -> json(line.substring(prefix.length())));
  }

  private Stream<JsonNode> events(String eventType) {
    return received("TransactionEvent").filter(e -> e.get("eventType").asText().equals(eventType));
  }

  private static String transactionId(JsonNode event) {
    return event.at("/transactionInfo/transactionId").asText();
  }

  /** The energy register of the event's reading in {@code context}. */
  private static Optional<Double> register(JsonNode event, String context) {
    return elements(event.path("meterValue")).flatMap(value -> elements(value.path("sampledValue")))
        .filter(v -> v.path("context").asText().equals(context) && v.path("measurand").asText(REGISTER).equals(REGISTER))
        .map(v -> v.get("value").asDouble()).findFirst();
  }

  private static StopCause cause(String stoppedReason) {
    return switch (stoppedReason) {
      case "Local" -> StopCause.LOCAL;
      case "Remote" -> StopCause.REMOTE;
      case "ImmediateReset" -> StopCause.RESET;
      case "EVDisconnected" -> StopCause.EV_DISCONNECTED;
      case "PowerLoss" -> StopCause.POWER_LOSS;
      default -> StopCause.OTHER;
    };
  }

  private static Stream<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }
}
