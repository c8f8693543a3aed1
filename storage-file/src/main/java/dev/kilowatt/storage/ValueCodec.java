package dev.kilowatt.storage;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Optional;

/**
 * Turns the domain's records into JSON and back.
 *
 * <p>Properties come from record components only (helper methods such as {@code getX()} on a record or
 * its interfaces are not state). Values declared as an interface or abstract class carry their concrete
 * class in an {@code "@type"} property, and only classes under {@code dev.kilowatt.} are accepted there,
 * so a tampered file cannot make Jackson instantiate arbitrary classes. Reading is strict: unknown or
 * missing components and trailing garbage make a file unreadable instead of yielding a half-filled record,
 * unless the value is in a shape an older version saved, which {@link OlderShapes} rewrites to today's.
 */
final class ValueCodec {

  private final ObjectMapper mapper;

  ValueCodec() {
    PolymorphicTypeValidator ownTypesOnly =
        BasicPolymorphicTypeValidator.builder().allowIfSubType("dev.kilowatt.").build();
    this.mapper = JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .visibility(PropertyAccessor.ALL, Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, Visibility.ANY)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .enable(
            DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .setDefaultTyping(new AbstractTypesOnly(ownTypesOnly).init(
            JsonTypeInfo.Value.construct(JsonTypeInfo.Id.CLASS, JsonTypeInfo.As.PROPERTY, "@type", null, false, null),
            null))
        .build();
  }

  byte[] encode(Record value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot be stored: " + e.getOriginalMessage(), e);
    }
  }

  <T extends Record> T decode(byte[] json, Class<T> type) throws IOException {
    T value;
    try {
      value = mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      value = inOlderShape(json, type).orElseThrow(() -> e);
    }
    if (value == null) {
      throw new IOException("the file holds null");
    }
    return value;
  }

  /** The value saved in a shape an older version wrote, if it is one {@link OlderShapes} knows. */
  private <T extends Record> Optional<T> inOlderShape(byte[] json, Class<T> type) {
    try {
      JsonNode tree = mapper.readTree(json);
      return tree != null && OlderShapes.upgrade(tree, type) ? Optional.ofNullable(mapper.treeToValue(tree, type)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Adds type ids exactly where the declared type cannot tell which record to build: interfaces and
   * abstract classes, also as elements of lists, maps and optionals. Records, enums and JDK value types are
   * final or self-describing, so their JSON stays plain.
   */
  private static final class AbstractTypesOnly extends ObjectMapper.DefaultTypeResolverBuilder {

    AbstractTypesOnly(PolymorphicTypeValidator validator) {
      super(ObjectMapper.DefaultTyping.NON_FINAL, validator);
    }

    @Override
    public boolean useForType(JavaType declared) {
      JavaType type = declared;
      while (type.isArrayType()) {
        type = type.getContentType();
      }
      while (type.isReferenceType()) {
        type = type.getReferencedType();
      }
      return type.isAbstract()
          && !type.isContainerType()
          && !type.isEnumType()
          && !TreeNode.class.isAssignableFrom(type.getRawClass());
    }
  }
}
