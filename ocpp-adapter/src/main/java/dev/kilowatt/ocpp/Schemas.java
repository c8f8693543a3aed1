package dev.kilowatt.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.core.message.Action;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The payload schemas of every OCPP 1.6 action (core profiles and security extension), read from the
 * resources {@code schemas/<Action>.json} (the CALL payload) and {@code schemas/<Action>Response.json}
 * (the CALLRESULT payload). They hold the constraints of the official OCPP 1.6 JSON schemas, with shared
 * types in {@code common.json} referenced through {@code $ref}. A keyword the validator does not
 * implement fails loading, so no constraint in a file is silently ignored. Each file is read when first
 * needed, which keeps the time from start-up to the first BootNotification short.
 */
final class Schemas {

  private static final Set<String> KEYWORDS = Set.of(
      "$schema", "title", "definitions", "$ref", "type", "properties", "required", "additionalProperties",
      "enum", "maxLength", "format", "items", "minItems", "multipleOf");

  private static final Schemas OCPP16 = new Schemas();

  private final Compiler compiler = new Compiler();
  private final Map<Action, Schema> requests = new ConcurrentHashMap<>();
  private final Map<Action, Schema> responses = new ConcurrentHashMap<>();

  private Schemas() {
  }

  /** The schemas of OCPP 1.6, shared by every link. */
  static Schemas ocpp16() {
    return OCPP16;
  }

  /** The schema of the CALL payload of {@code action}. */
  Schema request(Action action) {
    return requests.computeIfAbsent(action, a -> compiler.compileFile(a.ocppName() + ".json"));
  }

  /** The schema of the CALLRESULT payload of {@code action}. */
  Schema response(Action action) {
    return responses.computeIfAbsent(action, a -> compiler.compileFile(a.ocppName() + "Response.json"));
  }

  /** Turns schema documents into {@link Schema} trees, resolving each {@code $ref} once; one file at a time. */
  private static final class Compiler {
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> documents = new HashMap<>();
    private final Map<String, Schema> resolved = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    synchronized Schema compileFile(String file) {
      return compile(file, document(file));
    }

    private JsonNode document(String file) {
      return documents.computeIfAbsent(file, name -> {
        try (InputStream in = Schemas.class.getResourceAsStream("schemas/" + name)) {
          if (in == null) {
            throw new IllegalStateException("missing schema resource schemas/" + name);
          }
          return json.readTree(in);
        } catch (IOException e) {
          throw new UncheckedIOException("unreadable schema schemas/" + name, e);
        }
      });
    }

    private Schema compile(String file, JsonNode node) {
      node.fieldNames().forEachRemaining(keyword -> {
        if (!KEYWORDS.contains(keyword)) {
          throw new IllegalStateException(file + " uses the unsupported keyword " + keyword);
        }
      });
      if (node.has("$ref")) {
        return resolve(file, node.get("$ref").asText());
      }
      if (!node.has("type")) {
        throw new IllegalStateException(file + " has a schema without a type: " + node);
      }
      Map<String, Schema> properties = new LinkedHashMap<>();
      node.path("properties").properties().forEach(p -> properties.put(p.getKey(), compile(file, p.getValue())));
      List<String> required = new ArrayList<>();
      node.path("required").forEach(name -> required.add(name.asText()));
      Set<String> enumValues = new HashSet<>();
      node.path("enum").forEach(value -> enumValues.add(value.asText()));
      return new Schema(
          Schema.Type.named(node.get("type").asText()),
          properties,
          required,
          node.path("additionalProperties").asBoolean(true),
          enumValues,
          node.has("maxLength") ? OptionalInt.of(node.get("maxLength").asInt()) : OptionalInt.empty(),
          Optional.ofNullable(node.get("format")).map(f -> Schema.Format.named(f.asText())),
          Optional.ofNullable(node.get("items")).map(items -> compile(file, items)),
          node.path("minItems").asInt(0),
          Optional.ofNullable(node.get("multipleOf")).map(JsonNode::decimalValue).map(BigDecimal::stripTrailingZeros));
    }

    /** Resolves {@code other.json#/definitions/X} or {@code #/definitions/X} relative to {@code file}. */
    private Schema resolve(String file, String ref) {
      int hash = ref.indexOf('#');
      if (hash < 0) {
        throw new IllegalStateException(file + " has a $ref without a fragment: " + ref);
      }
      String target = hash == 0 ? file : ref.substring(0, hash);
      String pointer = ref.substring(hash + 1);
      String key = target + "#" + pointer;
      Schema done = resolved.get(key);
      if (done != null) {
        return done;
      }
      if (!resolving.add(key)) {
        throw new IllegalStateException("recursive $ref " + key);
      }
      JsonNode node = document(target).at(pointer);
      if (node.isMissingNode()) {
        throw new IllegalStateException(file + " refers to nothing: " + ref);
      }
      Schema schema = compile(target, node);
      resolving.remove(key);
      resolved.put(key, schema);
      return schema;
    }
  }
}
