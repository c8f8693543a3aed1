package dev.kilowatt.ocpp;

import static dev.kilowatt.core.port.CallError.Code.FORMATION_VIOLATION;
import static dev.kilowatt.core.port.CallError.Code.OCCURENCE_CONSTRAINT_VIOLATION;
import static dev.kilowatt.core.port.CallError.Code.PROPERTY_CONSTRAINT_VIOLATION;
import static dev.kilowatt.core.port.CallError.Code.TYPE_CONSTRAINT_VIOLATION;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
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
    check(payload, "", violations);
    return violations;
  }

  private void check(JsonNode node, String path, List<Violation> out) {
    if (!type.admits(node)) {
      out.add(new Violation(TYPE_CONSTRAINT_VIOLATION, path, "expected " + type + ", found " + describe(node)));
      return;
    }
    switch (type) {
      case OBJECT -> checkObject(node, path, out);
      case ARRAY -> checkArray(node, path, out);
      case STRING -> checkString(node.textValue(), path, out);
      case INTEGER -> {
        if (!node.canConvertToInt()) {
          out.add(new Violation(TYPE_CONSTRAINT_VIOLATION, path, "integer beyond 32 bits: " + node.asText()));
        }
      }
      case NUMBER -> multipleOf.ifPresent(step -> {
        if (node.decimalValue().remainder(step).signum() != 0) {
          out.add(new Violation(PROPERTY_CONSTRAINT_VIOLATION, path, "not a multiple of " + step.toPlainString()));
        }
      });
      case BOOLEAN -> { }
    }
    checkLimits(node, path, out);
  }

  /** A value out of range is an invalid value (PropertyConstraint); too many items an occurrence breach. */
  private void checkLimits(JsonNode node, String path, List<Violation> out) {
    if (node.isNumber()) {
      BigDecimal value = node.decimalValue();
      if (limits.minimum().isPresent() && value.compareTo(limits.minimum().get()) < 0) {
        out.add(new Violation(PROPERTY_CONSTRAINT_VIOLATION, path, "below the minimum " + limits.minimum().get()));
      }
      if (limits.maximum().isPresent() && value.compareTo(limits.maximum().get()) > 0) {
        out.add(new Violation(PROPERTY_CONSTRAINT_VIOLATION, path, "above the maximum " + limits.maximum().get()));
      }
    }
    if (node.isArray() && limits.maxItems().isPresent() && node.size() > limits.maxItems().getAsInt()) {
      out.add(new Violation(OCCURENCE_CONSTRAINT_VIOLATION, path,
          node.size() + " items, at most " + limits.maxItems().getAsInt() + " allowed"));
    }
  }

  private void checkObject(JsonNode node, String path, List<Violation> out) {
    for (String name : required) {
      if (!node.has(name)) {
        out.add(new Violation(OCCURENCE_CONSTRAINT_VIOLATION, path + "/" + name, "required but missing"));
      }
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String fieldPath = path + "/" + escape(field.getKey());
      Schema schema = properties.get(field.getKey());
      if (schema != null) {
        schema.check(field.getValue(), fieldPath, out);
      } else if (!additionalProperties) {
        out.add(new Violation(FORMATION_VIOLATION, fieldPath, "not a property of this message"));
      }
    }
  }

  private void checkArray(JsonNode node, String path, List<Violation> out) {
    if (node.size() < minItems) {
      out.add(new Violation(OCCURENCE_CONSTRAINT_VIOLATION, path, "needs at least " + minItems + " item(s)"));
    }
    items.ifPresent(schema -> {
      for (int i = 0; i < node.size(); i++) {
        schema.check(node.get(i), path + "/" + i, out);
      }
    });
  }

  private void checkString(String value, String path, List<Violation> out) {
    if (!enumValues.isEmpty() && !enumValues.contains(value)) {
      out.add(new Violation(PROPERTY_CONSTRAINT_VIOLATION, path, quote(value) + " is not an allowed value"));
    }
    maxLength.ifPresent(max -> {
      int length = value.codePointCount(0, value.length());
      if (length > max) {
        out.add(new Violation(PROPERTY_CONSTRAINT_VIOLATION, path, length + " characters, " + max + " allowed"));
      }
    });
    format.ifPresent(f -> {
      if (!f.admits(value)) {
        out.add(new Violation(PROPERTY_CONSTRAINT_VIOLATION, path, quote(value) + " is not a valid " + f));
      }
    });
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
