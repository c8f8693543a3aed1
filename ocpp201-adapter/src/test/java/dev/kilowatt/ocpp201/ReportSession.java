package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.GetInstalledCertificateIdsRequest;
import dev.kilowatt.core.message.GetInstalledCertificateIdsResponse;
import dev.kilowatt.core.message.GetInstalledCertificateStatus;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.StatusNotificationResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;

/**
 * A session in which the CSMS asks for reports: the core has reported EVSE 1, and the test reads the parts the
 * central system received and answers the core's side of a report.
 */
abstract class ReportSession extends PortSession {

  private static final ObjectMapper JSON = new ObjectMapper();

  final String[] coreCallId = new String[1];

  /** The core has reported EVSE 1, as it does after every boot. */
  @BeforeEach
  void evseReported() {
    port.send("s1", Ocpp201CentralSystemTest.status(1, ChargePointStatus.CHARGING));
    core.result("s1", StatusNotificationResponse.class);
    csms.received("StatusNotification");
  }

  static JsonNode json(String line, String prefix) {
    try {
      return JSON.readTree(line.substring(prefix.length()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The line {@code wanted}, whether reported already or still to come: the central system may print its result
   * of a call after the calls the station makes at once on answering it.
   */
  String line(Predicate<String> wanted) {
    return csms.reported().stream().filter(wanted).findFirst().orElseGet(() -> csms.await(wanted));
  }

  JsonNode result(String tag) {
    return json(line(l -> l.startsWith("result " + tag + " ")), "result " + tag + " ");
  }

  /** Part {@code seqNo} of report {@code requestId}, as the central system received it. */
  JsonNode part(int requestId, int seqNo) {
    String prefix = "received NotifyReport ";
    return json(line(l -> l.startsWith(prefix) && json(l, prefix).get("requestId").asInt() == requestId
        && json(l, prefix).get("seqNo").asInt() == seqNo), prefix);
  }

  /**
   * The core answers the report's GetConfiguration with every key of {@code values}, read-only where named, and
   * its GetInstalledCertificateIds with no root installed.
   */
  void coreAnswers(Map<String, String> values, List<String> readOnly) {
    GetConfigurationRequest get = core.call(GetConfigurationRequest.class, coreCallId);
    assertEquals(List.of(), get.key(), "all keys: the mapped ones may be more than GetConfigurationMaxKeys");
    String configurationCall = coreCallId[0];
    List<String> rootCalls = new ArrayList<>();
    for (CertificateUse use : CertificateUse.values()) {
      assertEquals(use, core.call(GetInstalledCertificateIdsRequest.class, coreCallId).certificateType());
      rootCalls.add(coreCallId[0]);
    }
    List<KeyValue> keys = new ArrayList<>();
    values.forEach((key, value) -> keys.add(new KeyValue(key, readOnly.contains(key), Optional.of(value))));
    port.reply(configurationCall, new GetConfigurationResponse(keys, List.of()));
    rootCalls.forEach(id -> port.reply(id, new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatus.NOT_FOUND,
        List.of())));
  }

  /**
   * Every key mapped, and one that is not, each with a value of its type; the last mapped, MaxEnergyOnInvalidId,
   * the core does not have.
   */
  static Map<String, String> configuration() {
    Map<String, String> values = new HashMap<>();
    Variables.TABLE.forEach(mapping -> values.put(mapping.key(), "0"));
    values.put("GetConfigurationMaxKeys", "10");
    values.remove("MaxEnergyOnInvalidId");
    values.put("HeartbeatInterval", "300");
    values.put("AuthorizeRemoteTxRequests", "true");
    values.put("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import");
    return values;
  }

  /** The variables by component, EVSE, variable and [instance], e.g. {@code OCPPCommCtrlr.MessageTimeout[Default]}. */
  static Map<String, JsonNode> byName(List<JsonNode> reportData) {
    Map<String, JsonNode> named = new HashMap<>();
    for (JsonNode data : reportData) {
      JsonNode instance = data.at("/variable/instance");
      named.put(data.at("/component/name").asText() + data.at("/component/evse").toString() + "."
          + data.at("/variable/name").asText() + (instance.isMissingNode() ? "" : "[" + instance.asText() + "]"), data);
    }
    return named;
  }

  /**
   * The variables of report {@code requestId}, part by part until one is not to be continued, checking each
   * part's seqNo and generatedAt and that every part but the last is full.
   */
  List<JsonNode> report(int requestId) {
    List<JsonNode> items = new ArrayList<>();
    JsonNode first = part(requestId, 0);
    for (JsonNode part = first; ; part = part(requestId, part.get("seqNo").asInt() + 1)) {
      assertEquals(first.get("generatedAt"), part.get("generatedAt"));
      part.get("reportData").forEach(items::add);
      if (!part.get("tbc").asBoolean()) {
        return items;
      }
      assertEquals(DeviceReport.ITEMS_PER_PART, part.get("reportData").size());
    }
  }

}
