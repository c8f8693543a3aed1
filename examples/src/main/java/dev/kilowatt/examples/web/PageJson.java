package dev.kilowatt.examples.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the page's script reads: a station's view with its charts, and traffic frames, as JSON. */
final class PageJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PageJson() {}

  static String station(StationView view, OfferedHistory history) {
    ObjectNode root = JSON.createObjectNode();
    root.put("available", true);
    root.put("chargePointId", view.chargePointId());
    root.put("at", view.at().toString());
    root.put("linkUp", view.linkUp());
    root.put("queuedTransactionMessages", view.queuedTransactionMessages());
    root.put("boots", view.boots());
    ArrayNode connectors = root.putArray("connectors");
    for (ConnectorView c : view.connectors()) {
      ObjectNode node = connectors.addObject();
      node.put("id", c.id());
      node.put("status", c.status());
      node.put("errorCode", c.errorCode());
      node.put("pilot", c.pilot());
      node.put("relayClosed", c.relayClosed());
      node.put("offeredA", c.offeredA());
      node.put("drawnA", c.drawnA());
      node.put("energyWh", c.energyWh());
      node.put("transactionRunning", c.transactionRunning());
      c.transactionId().ifPresent(id -> node.put("transactionId", id));
      c.limitA().ifPresent(a -> node.put("limitA", a));
      node.put("limitExplanation", c.limitExplanation());
      node.put("chart", ScheduleSvg.render(c.composite(), view.at(), history.of(c.id())));
    }
    return root.toString();
  }

  /** What the page shows while the station cannot be asked (rebooting, or without power). */
  static String unavailable(String why) {
    ObjectNode root = JSON.createObjectNode();
    root.put("available", false);
    root.put("reason", why);
    return root.toString();
  }

  static String frame(LiveTraffic.Frame frame) {
    ObjectNode node = JSON.createObjectNode();
    node.put("sequence", frame.sequence());
    node.put("at", frame.at().toString());
    node.put("direction", frame.direction().name().toLowerCase(java.util.Locale.ROOT));
    node.put("kind", frame.kind());
    node.put("action", frame.action());
    node.put("text", frame.text());
    return node.toString();
  }
}
