package dev.kilowatt.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.message.Action;
import dev.kilowatt.core.message.OcppEnum;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The schema files and the core's message records describe the same vocabulary: same property names,
 * JSON types matching the Java types, enum values matching the wire values, and required exactly where
 * the record has a plain (not Optional) component.
 */
class SchemasTest {

  private final Schemas schemas = Schemas.ocpp16();

  @Test
  void everyActionHasSchemasThatMatchItsRecords() {
    List<String> mismatches = new ArrayList<>();
    for (Action action : Action.values()) {
      compare(schemas.request(action), action.requestType(), action.ocppName() + ".req", mismatches);
      compare(schemas.response(action), action.responseType(), action.ocppName() + ".conf", mismatches);
    }
    assertEquals(List.of(), mismatches);
  }

  private void compare(Schema schema, Type javaType, String path, List<String> out) {
    if (javaType instanceof ParameterizedType generic) {
      Type argument = generic.getActualTypeArguments()[0];
      if (generic.getRawType() == Optional.class) {
        compare(schema, argument, path, out);
      } else if (generic.getRawType() == List.class) {
        expect(schema, Schema.Type.ARRAY, path, out);
        schema.items().ifPresentOrElse(
            items -> compare(items, argument, path + "[]", out), () -> out.add(path + ": array without items"));
      } else {
        out.add(path + ": unexpected Java type " + javaType);
      }
      return;
    }
    Class<?> type = (Class<?>) javaType;
    if (type.isRecord()) {
      compareRecord(schema, type, path, out);
    } else if (type == String.class) {
      expect(schema, Schema.Type.STRING, path, out);
      if (!schema.enumValues().isEmpty() || schema.format().orElse(Schema.Format.URI) != Schema.Format.URI) {
        out.add(path + ": a String in Java but an enum or date-time in the schema");
      }
    } else if (type == int.class || type == Integer.class) {
      expect(schema, Schema.Type.INTEGER, path, out);
    } else if (type == double.class || type == Double.class) {
      expect(schema, Schema.Type.NUMBER, path, out);
    } else if (type == boolean.class || type == Boolean.class) {
      expect(schema, Schema.Type.BOOLEAN, path, out);
    } else if (type == Instant.class) {
      expect(schema, Schema.Type.STRING, path, out);
      if (schema.format().orElse(null) != Schema.Format.DATE_TIME) {
        out.add(path + ": Instant but not a date-time");
      }
    } else if (OcppEnum.class.isAssignableFrom(type)) {
      expect(schema, Schema.Type.STRING, path, out);
      Set<String> wire = Arrays.stream(type.getEnumConstants())
          .map(c -> ((OcppEnum) c).ocppValue()).collect(Collectors.toSet());
      if (!wire.equals(schema.enumValues())) {
        out.add(path + ": enum " + type.getSimpleName() + " " + wire + " vs schema " + schema.enumValues());
      }
    } else {
      out.add(path + ": unexpected Java type " + type);
    }
  }

  private void compareRecord(Schema schema, Class<?> type, String path, List<String> out) {
    expect(schema, Schema.Type.OBJECT, path, out);
    Set<String> leftOut = Payloads.leftOut(type);
    RecordComponent[] components = Arrays.stream(type.getRecordComponents())
        .filter(c -> !leftOut.contains(c.getName())).toArray(RecordComponent[]::new);
    Set<String> names = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
    if (!names.equals(schema.properties().keySet())) {
      out.add(path + ": record " + names + " vs schema " + schema.properties().keySet());
    }
    for (RecordComponent component : components) {
      String name = component.getName();
      Schema property = schema.properties().get(name);
      if (property == null) {
        continue;
      }
      Class<?> raw = component.getType();
      boolean optional = raw == Optional.class || raw == List.class;
      if (!optional && !schema.required().contains(name)) {
        out.add(path + "." + name + ": plain component but optional in the schema");
      }
      if (raw == Optional.class && schema.required().contains(name)) {
        out.add(path + "." + name + ": Optional component but required in the schema");
      }
      compare(property, component.getGenericType(), path + "." + name, out);
    }
  }

  private static void expect(Schema schema, Schema.Type type, String path, List<String> out) {
    if (schema.type() != type) {
      out.add(path + ": schema type " + schema.type() + ", Java wants " + type);
    }
  }
}
