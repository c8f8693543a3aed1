package dev.kilowatt.ocpp201;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kilowatt.ocpp.TrafficListener;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the values of secret device-model variables out of OCPP-J 2.0.1 frames before people see them in a
 * trace: the {@code attributeValue} a SetVariables sets and, should a report ever carry one, the {@code value}
 * of a NotifyReport's variable attribute. The secrets are the WriteOnly variables of {@link Variables} (the
 * password of HTTP Basic authentication, {@code SecurityCtrlr.BasicAuthPassword}) and a variable named as the 1.6
 * key that holds it, which a CSMS may try (the station answers UnknownVariable, but the value was on the wire).
 * Unlike 1.6's ChangeConfiguration, the name sits in an object nested beside the value, so the frame is read
 * as JSON; one that does not parse and names a secret is not shown at all rather than shown in part.
 */
final class SecretVariables {

  /** The variables whose values never appear in a trace. */
  static final Set<String> SECRET_VARIABLES = Stream.concat(
          Variables.TABLE.stream().filter(m -> m.mutability() == Variables.Mutability.WRITE_ONLY).map(Variables.Mapping::variable),
          Stream.of("AuthorizationKey"))
      .collect(Collectors.toUnmodifiableSet());

  static final String MASK = "***";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(SecretVariables.class);

  private SecretVariables() {}

  /** {@code frame} with the value of every secret variable replaced by {@link #MASK}. */
  static String masked(String frame) {
    if (SECRET_VARIABLES.stream().noneMatch(frame::contains)) {
      return frame;
    }
    try {
      JsonNode tree = JSON.readTree(frame);
      mask(tree);
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      return "(a frame that is not JSON and names a secret variable: not shown)";
    }
  }

  /**
   * {@code traffic}, hearing frames masked; what it throws is logged and goes no further, so that a console
   * cannot break the link.
   */
  static TrafficListener masking(TrafficListener traffic) {
    return (direction, frame) -> {
      try {
        traffic.onFrame(direction, masked(frame));
      } catch (RuntimeException e) {
        LOG.warn("the traffic listener failed", e);
      }
    };
  }

  /** Every object naming a secret variable, at any depth: SetVariableData and ReportData alike. */
  private static void mask(JsonNode node) {
    if (node instanceof ObjectNode object && SECRET_VARIABLES.contains(object.path("variable").path("name").asText())) {
      if (object.has("attributeValue")) {
        object.put("attributeValue", MASK);
      }
      object.path("variableAttribute").forEach(attribute -> {
        if (attribute instanceof ObjectNode value && value.has("value")) {
          value.put("value", MASK);
        }
      });
    }
    node.forEach(SecretVariables::mask);
  }
}
