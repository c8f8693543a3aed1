package dev.kilowatt.ocpp201;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;

/**
 * Jackson binding between OCPP 2.0.1 payloads and the message records. Binding runs only on payloads
 * that passed their schema, so a property the records leave out (custom data, ISO 15118 parts) is known
 * to be valid and is skipped; absent Optionals and empty lists are left out when writing.
 */
final class Json {

  private final JsonMapper mapper = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
      .withConfigOverride(List.class, o -> o.setInclude(
          JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY)))
      .build();

  ObjectNode toJson(Object payload) {
    return mapper.valueToTree(payload);
  }

  /** Binds a checked payload; fails with {@link IllegalArgumentException} if it still does not fit. */
  <T> T fromJson(JsonNode payload, Class<T> type) {
    try {
      return mapper.treeToValue(payload, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  JsonNode parse(String text) throws JsonProcessingException {
    return mapper.readTree(text);
  }

  JsonParser stream(String text) throws IOException {
    return mapper.createParser(text);
  }

  String write(JsonNode tree) {
    try {
      return mapper.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
