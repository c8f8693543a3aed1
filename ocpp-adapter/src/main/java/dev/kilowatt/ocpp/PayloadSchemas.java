package dev.kilowatt.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * A folder of OCPP payload schemas on the class path, one JSON schema document per file, with shared
 * types referenced through {@code $ref} (to {@code #/definitions/X} or {@code other.json#/definitions/X}).
 *
 * <p>Shared by both protocol adapters: the OCPP 1.6 schemas (draft-04) and the OCPP 2.0.1 ones (draft-06)
 * use the same small set of keywords. A keyword the validator does not implement fails loading, so no
 * constraint in a file is silently ignored; annotations ({@code description}, {@code $id}, {@code $comment},
 * {@code javaType}, {@code default}) are read past. Each file is compiled when first needed, which keeps the
 * time from start-up to the first BootNotification short.
 */
public final class PayloadSchemas {

  private static final Set<String> KEYWORDS = Set.of(
      "$schema", "title", "definitions", "$ref", "type", "properties", "required", "additionalProperties",
      "enum", "maxLength", "format", "items", "minItems", "multipleOf",
      // draft-06, as the OCPP 2.0.1 schemas use it
      "$id", "$comment", "description", "javaType", "default", "minimum", "maximum", "maxItems");

  private final Class<?> anchor;
  private final String folder;
  private final Map<String, Schema> files = new ConcurrentHashMap<>();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, JsonNode> documents = new HashMap<>();
  private final Map<String, Schema> resolved = new HashMap<>();
  private final Set<String> resolving = new HashSet<>();

  private PayloadSchemas(Class<?> anchor, String folder) {
    this.anchor = anchor;
    this.folder = folder.endsWith("/") ? folder : folder + "/";
  }

  /**
   * The schemas in the resource folder {@code folder}, relative to {@code anchor}'s package.
   *
   * @param anchor a class whose package the folder is found from
   * @param folder the resource folder that holds one schema file per payload
   * @return the schemas, each compiled when it is first used
   */
  public static PayloadSchemas inFolder(Class<?> anchor, String folder) {
    return new PayloadSchemas(anchor, folder);
  }

  /**
   * Every breach of the schema in {@code file} by {@code payload}, in document order; empty if it conforms.
   *
   * @param file the schema's file name in the folder, e.g. {@code BootNotification.json}
   * @param payload the JSON object to check
   * @return the breaches, or an empty list
   */
  public List<Violation> validate(String file, JsonNode payload) {
    return schema(file).validate(payload);
  }

  /**
   * Compiles {@code file} now, so that a missing file or an unsupported keyword shows at start-up.
   *
   * @param file the schema's file name in the folder
   * @throws IllegalStateException if the file is missing or uses a keyword the validator does not implement
   */
  public void load(String file) {
    schema(file);
  }

  Schema schema(String file) {
    return files.computeIfAbsent(file, this::compileFile);
  }

  private synchronized Schema compileFile(String file) {
    return compile(file, document(file));
  }

  private JsonNode document(String file) {
    return documents.computeIfAbsent(file, name -> {
      try (InputStream in = anchor.getResourceAsStream(folder + name)) {
        if (in == null) {
          throw new IllegalStateException("missing schema resource " + folder + name);
        }
        return json.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException("unreadable schema " + folder + name, e);
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
    Map<String, Schema> properties = new LinkedHashMap<>();
    node.path("properties").properties().forEach(p -> properties.put(p.getKey(), compile(file, p.getValue())));
    List<String> required = new ArrayList<>();
    node.path("required").forEach(name -> required.add(name.asText()));
    Set<String> enumValues = new HashSet<>();
    node.path("enum").forEach(value -> enumValues.add(value.asText()));
    return new Schema(
        // draft-04 and -06 alike: no type, no constraint on it (2.0.1's DataTransfer data is any JSON)
        Schema.Type.named(node.path("type").asText("any")),
        properties,
        required,
        node.path("additionalProperties").asBoolean(true),
        enumValues,
        integer(node, "maxLength"),
        Optional.ofNullable(node.get("format")).map(f -> Schema.Format.named(f.asText())),
        Optional.ofNullable(node.get("items")).map(items -> compile(file, items)),
        node.path("minItems").asInt(0),
        decimal(node, "multipleOf").map(BigDecimal::stripTrailingZeros),
        new Schema.Limits(decimal(node, "minimum"), decimal(node, "maximum"), integer(node, "maxItems")));
  }

  private static OptionalInt integer(JsonNode node, String keyword) {
    return node.has(keyword) ? OptionalInt.of(node.get(keyword).asInt()) : OptionalInt.empty();
  }

  private static Optional<BigDecimal> decimal(JsonNode node, String keyword) {
    return Optional.ofNullable(node.get(keyword)).map(JsonNode::decimalValue);
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
