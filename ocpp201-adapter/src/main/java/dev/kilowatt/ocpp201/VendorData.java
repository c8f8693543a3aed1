package dev.kilowatt.ocpp201;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kilowatt.core.message.DataTransferStatus;
import java.util.Optional;

/**
 * DataTransfer between the two versions (part 2 P01, P02). 2.0.1's data is any JSON value, the core's (1.6's)
 * a string: the JSON value travels as its serialized JSON text, so a vendor's handler in the core reads and
 * writes JSON text ({@code {"kWh":12.5}}, and a JSON string with its quotes). Text of the core's that is not
 * JSON (a handler written for 1.6's plain strings) goes to the CSMS as a JSON string rather than being refused.
 */
final class VendorData {

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private VendorData() {
  }

  /** The CSMS's JSON value as the core's text: its serialization; a JSON null is no data, as an absent one reads. */
  static Optional<String> text(Optional<JsonNode> data) {
    return data.filter(d -> !d.isNull() && !d.isMissingNode()).map(JsonNode::toString);
  }

  /** The core's text as a JSON value: the value it spells, or the text itself as a JSON string. */
  static Optional<JsonNode> json(Optional<String> text) {
    return text.map(t -> {
      try {
        JsonNode value = JSON.readTree(t);
        return value == null || value.isMissingNode() ? TextNode.valueOf(t) : value;
      } catch (JsonProcessingException e) {
        return TextNode.valueOf(t);
      }
    });
  }

  /** The two versions name the four statuses alike. */
  static Enums.DataTransferStatus status(DataTransferStatus status) {
    return Enums.DataTransferStatus.valueOf(status.ocppValue());
  }

  static DataTransferStatus status(Enums.DataTransferStatus status) {
    return DataTransferStatus.fromOcpp(status.name()).orElseThrow();
  }
}
