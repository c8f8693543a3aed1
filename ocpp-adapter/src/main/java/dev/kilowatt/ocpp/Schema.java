package dev.kilowatt.ocpp;

import static dev.kilowatt.core.port.CallError.Code.FORMATION_VIOLATION;
import static dev.kilowatt.core.port.CallError.Code.OCCURENCE_CONSTRAINT_VIOLATION;
import static dev.kilowatt.core.port.CallError.Code.PROPERTY_CONSTRAINT_VIOLATION;
import static dev.kilowatt.core.port.CallError.Code.TYPE_CONSTRAINT_VIOLATION;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kilowatt.core.port.CallError;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One compiled node of a JSON schema, limited to the keywords the OCPP payload schemas use: those of the
 * OCPP 1.6 schemas (draft-04) and the few more of the OCPP 2.0.1 ones (draft-06: minimum, maximum, maxItems).
 *
 * <p>Each breach maps to the CALLERROR code of OCPP-J 1.6 section 4.2.3: a wrong JSON type (or an integer
 * beyond 32 bits, which no OCPP field can hold) is a TypeConstraintViolation; a missing required field or
 * too few array items an OccurenceConstraintViolation; a bad enum value, an over-long string, a bad
 * date-time or URI, a number off its {@code multipleOf} grid or out of its range a PropertyConstraintViolation
 * (too many array items is an OccurenceConstraintViolation); and a
 * property the schema does not define ({@code additionalProperties: false}) a FormationViolation, because
 * such a payload does not have the structure of the PDU at all.
 */
final class Schema {

  /** The JSON types of draft-04 that OCPP payloads use; ANY for a schema without a type, which admits every value. */
  enum Type {
    OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN, ANY;

    static Type named(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }

    boolean admits(JsonNode node) {
      return switch (this) {
        case OBJECT -> node.isObject();
        case ARRAY -> node.isArray();
        case STRING -> node.isTextual();
        case INTEGER -> node.isIntegralNumber();
        case NUMBER -> node.isNumber();
        case BOOLEAN -> node.isBoolean();
        case ANY -> true;
      };
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The string formats of draft-04 that OCPP payloads use. */
  enum Format {
    DATE_TIME("date-time"),
    URI("uri");

    private final String keyword;

    Format(String keyword) {
      this.keyword = keyword;
    }

    static Format named(String keyword) {
      for (Format format : values()) {
        if (format.keyword.equals(keyword)) {
          return format;
        }
      }
      throw new IllegalArgumentException("unsupported format " + keyword);
    }

    boolean admits(String value) {
      return switch (this) {
        case DATE_TIME -> DateTimes.parse(value).isPresent();
        case URI -> isAbsoluteUri(value);
      };
    }

    private static boolean isAbsoluteUri(String value) {
      try {
        return new URI(value).isAbsolute();
      } catch (URISyntaxException e) {
        return false;
      }
    }

    @Override
    public String toString() {
      return keyword;
    }
  }

  private final Type type;
  private final Map<String, Schema> properties;
  private final List<String> required;
  private final boolean additionalProperties;
  private final Set<String> enumValues;
  private final OptionalInt maxLength;
  private final Optional<Format> format;
  private final Optional<Schema> items;
  private final int minItems;
  private final Optional<BigDecimal> multipleOf;
  private final Limits limits;

  /**
   * The bounds that only the OCPP 2.0.1 schemas (draft-06) use; the OCPP 1.6 ones leave them all empty.
   *
   * @param minimum the least value a number may have
   * @param maximum the greatest value a number may have
   * @param maxItems the most items an array may hold
   */
  record Limits(Optional<BigDecimal> minimum, Optional<BigDecimal> maximum, OptionalInt maxItems) {
  }

  Schema(
      Type type,
      Map<String, Schema> properties,
      List<String> required,
      boolean additionalProperties,
      Set<String> enumValues,
      OptionalInt maxLength,
      Optional<Format> format,
      Optional<Schema> items,
      int minItems,
      Optional<BigDecimal> multipleOf,
      Limits limits) {
    this.type = type;
    this.properties = properties;
    this.required = List.copyOf(required);
    this.additionalProperties = additionalProperties;
    this.enumValues = Set.copyOf(enumValues);
    this.maxLength = maxLength;
    this.format = format;
    this.items = items;
    this.minItems = minItems;
    this.multipleOf = multipleOf;
    this.limits = limits;
  }

  Type type() {
    return type;
  }

  /** The schema of each property of an object, in the order the schema lists them. */
  Map<String, Schema> properties() {
    return properties;
  }

  List<String> required() {
    return required;
  }

  Set<String> enumValues() {
    return enumValues;
  }

  Optional<Format> format() {
    return format;
  }

  Optional<Schema> items() {
    return items;
  }

  /** Every breach of this schema by {@code payload}, in document order; empty if it conforms. */
  List<Violation> validate(JsonNode payload) {
    List<Violation> violations = new ArrayList<>();
    check(payload, new Location(), violations);
    return violations;
  }

  // Validation runs on every frame in and out, so a conforming payload allocates nothing per node: no
  // path strings (the Location makes one only for a breach) and no capturing lambdas.
  private void check(JsonNode node, Location at, List<Violation> out) {
    if (!type.admits(node)) {
      out.add(at.violation(TYPE_CONSTRAINT_VIOLATION, "expected " + type + ", found " + describe(node)));
      return;
    }
    switch (type) {
      case OBJECT -> checkObject(node, at, out);
      case ARRAY -> checkArray(node, at, out);
      case STRING -> checkString(node.textValue(), at, out);
      case INTEGER -> {
        if (!node.canConvertToInt()) {
          out.add(at.violation(TYPE_CONSTRAINT_VIOLATION, "integer beyond 32 bits: " + node.asText()));
        }
      }
      case NUMBER -> {
        if (multipleOf.isPresent() && node.decimalValue().remainder(multipleOf.get()).signum() != 0) {
          out.add(at.violation(PROPERTY_CONSTRAINT_VIOLATION, "not a multiple of " + multipleOf.get().toPlainString()));
        }
      }
      case BOOLEAN -> { }
    }
    checkLimits(node, at, out);
  }

  /** A value out of range is an invalid value (PropertyConstraint); too many items an occurrence breach. */
  private void checkLimits(JsonNode node, Location at, List<Violation> out) {
    if (node.isNumber()) {
      BigDecimal value = node.decimalValue();
      if (limits.minimum().isPresent() && value.compareTo(limits.minimum().get()) < 0) {
        out.add(at.violation(PROPERTY_CONSTRAINT_VIOLATION, "below the minimum " + limits.minimum().get()));
      }
      if (limits.maximum().isPresent() && value.compareTo(limits.maximum().get()) > 0) {
        out.add(at.violation(PROPERTY_CONSTRAINT_VIOLATION, "above the maximum " + limits.maximum().get()));
      }
    }
    if (node.isArray() && limits.maxItems().isPresent() && node.size() > limits.maxItems().getAsInt()) {
      out.add(at.violation(OCCURENCE_CONSTRAINT_VIOLATION, node.size() + " items, at most " + limits.maxItems().getAsInt() + " allowed"));
    }
  }

  private void checkObject(JsonNode node, Location at, List<Violation> out) {
    for (String name : required) {
      if (!node.has(name)) {
        at.enter(name);
        out.add(at.violation(OCCURENCE_CONSTRAINT_VIOLATION, "required but missing"));
        at.leave();
      }
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      at.enter(field.getKey());
      Schema schema = properties.get(field.getKey());
      if (schema != null) {
        schema.check(field.getValue(), at, out);
      } else if (!additionalProperties) {
        out.add(at.violation(FORMATION_VIOLATION, "not a property of this message"));
      }
      at.leave();
    }
  }

  private void checkArray(JsonNode node, Location at, List<Violation> out) {
    if (node.size() < minItems) {
      out.add(at.violation(OCCURENCE_CONSTRAINT_VIOLATION, "needs at least " + minItems + " item(s)"));
    }
    if (items.isPresent()) {
      Schema schema = items.get();
      for (int i = 0; i < node.size(); i++) {
        at.enter(i);
        schema.check(node.get(i), at, out);
        at.leave();
      }
    }
  }

  private void checkString(String value, Location at, List<Violation> out) {
    if (!enumValues.isEmpty() && !enumValues.contains(value)) {
      out.add(at.violation(PROPERTY_CONSTRAINT_VIOLATION, quote(value) + " is not an allowed value"));
    }
    if (maxLength.isPresent()) {
      int length = value.codePointCount(0, value.length());
      if (length > maxLength.getAsInt()) {
        out.add(at.violation(PROPERTY_CONSTRAINT_VIOLATION, length + " characters, " + maxLength.getAsInt() + " allowed"));
      }
    }
    if (format.isPresent() && !format.get().admits(value)) {
      out.add(at.violation(PROPERTY_CONSTRAINT_VIOLATION, quote(value) + " is not a valid " + format.get()));
    }
  }

  /** Where in the payload the check is: the property names and item indexes from the root down. */
  private static final class Location {
    private Object[] steps = new Object[8];
    private int depth;

    void enter(Object step) {
      if (depth == steps.length) {
        steps = Arrays.copyOf(steps, depth * 2);
      }
      steps[depth++] = step;
    }

    void leave() {
      steps[--depth] = null;
    }

    Violation violation(CallError.Code code, String problem) {
      StringBuilder pointer = new StringBuilder();
      for (int i = 0; i < depth; i++) {
        pointer.append('/').append(steps[i] instanceof String name ? escape(name) : steps[i]);
      }
      return new Violation(code, pointer.toString(), problem);
    }
  }

  private static String describe(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** JSON pointer escaping (RFC 6901), so that odd property names still give a readable path. */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** Quotes a value, shortened, so that CALLERROR descriptions stay short whatever the central system sent. */
  private static String quote(String value) {
    return "\"" + (value.length() <= 40 ? value : value.substring(0, 37) + "...") + "\"";
  }
}
