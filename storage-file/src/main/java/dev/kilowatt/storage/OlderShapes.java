package dev.kilowatt.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shapes an older version saved some records in, rewritten to today's so that its data directory and its
 * journal still load whole. The codec turns here only for a value that does not decode as it stands, so the
 * usual path pays nothing. Records are named as they are saved (their {@code "@type"}), not by class: an
 * adapter sees none of the blocks' types, and a saved name outlives a class.
 */
final class OlderShapes {

  private static final String TRANSACTION = "dev.kilowatt.core.connector.Transaction";
  private static final String TYPE = "@type";

  private OlderShapes() {}

  /**
   * Rewrites in place every older shape in {@code tree}, a value saved as {@code type}, also inside it (a journal
   * record holds its payload).
   *
   * @return whether anything was rewritten
   */
  static boolean upgrade(JsonNode tree, Class<?> type) {
    boolean upgraded = type.getName().equals(TRANSACTION) && stopSamples(tree);
    return nested(tree) || upgraded;
  }

  private static boolean nested(JsonNode node) {
    boolean upgraded = node.path(TYPE).asText().equals(TRANSACTION) && stopSamples(node);
    for (JsonNode child : node) {
      upgraded |= nested(child);
    }
    return upgraded;
  }

  /**
   * A transaction's stop samples were OCPP 1.6 MeterValues until the domain had samples of its own: the same
   * timestamp and readings, component for component, but the readings under "sampledValue" where a sample has
   * its "measurements".
   */
  private static boolean stopSamples(JsonNode transaction) {
    boolean upgraded = false;
    for (JsonNode sample : transaction.path("stopData")) {
      if (sample instanceof ObjectNode older && older.has("sampledValue") && !older.has("measurements")) {
        older.set("measurements", older.remove("sampledValue"));
        upgraded = true;
      }
    }
    return upgraded;
  }
}
