package dev.kilowatt.ocpp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.OcppEnum;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jackson binding between OCPP payload JSON and the core's message records, by record component name.
 *
 * <p>Absent {@link java.util.Optional}s and empty lists are left out (every list in OCPP is either
 * optional or needs at least one item, so an empty one never carries meaning); {@link Instant}s are
 * written as ISO-8601 UTC strings; {@link OcppEnum} constants as their wire values. Binding expects a
 * payload that already passed its {@link Schema}.
 *
 * <p>Shared with the OCPP 2.0.1 adapter, whose records leave out what its schemas allow but it does not
 * read yet (custom data): {@link #skippingUnmodelledProperties()} binds such payloads all the same.
 */
public final class Payloads {

  private final JsonMapper mapper;

  Payloads() {
    this(true);
  }

  /**
   * A binding that skips properties the records do not have, once the schema has checked them.
   *
   * @return the binding, for a link whose schemas already checked every payload
   */
  public static Payloads skippingUnmodelledProperties() {
    return new Payloads(false);
  }

  private Payloads(boolean failOnUnmodelled) {
    this.mapper = JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        // after JavaTimeModule, so that its Instant reader gives way to ours
        .addModule(new OcppModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, failOnUnmodelled)
        .defaultPropertyInclusion(both(JsonInclude.Include.NON_ABSENT))
        .withConfigOverride(List.class, o -> o.setInclude(both(JsonInclude.Include.NON_EMPTY)))
        .addMixIn(BootNotificationRequest.class, WithoutBootReason.class)
        .build();
  }

  /** The component of the core's BootNotificationRequest that OCPP 1.6 has not. */
  private static final String BOOT_REASON = "reason";

  /**
   * OCPP 1.6's BootNotification has no reason (its schema refuses one); the core's record carries it for 2.0.1, whose
   * adapter writes its own records and never the core's.
   */
  @JsonIgnoreProperties(BOOT_REASON)
  private abstract static class WithoutBootReason {
  }

  /** {@return the components of the core's {@code record} that this binding leaves out of OCPP 1.6's JSON} */
  static Set<String> leftOut(Class<?> record) {
    return record == BootNotificationRequest.class ? Set.of(BOOT_REASON) : Set.of();
  }

  private static JsonInclude.Value both(JsonInclude.Include include) {
    return JsonInclude.Value.construct(include, include);
  }

  /**
   * The JSON object of a payload record.
   *
   * @param payload a request or response record
   * @return the payload as the JSON object a frame carries
   */
  public ObjectNode toJson(Object payload) {
    return mapper.valueToTree(payload);
  }

  /**
   * Binds a payload object to {@code type}; fails with {@link IllegalArgumentException} if it cannot.
   *
   * @param <T> the record type
   * @param payload the JSON object of a frame's payload
   * @param type the record class to bind to
   * @return the record
   */
  public <T> T fromJson(JsonNode payload, Class<T> type) {
    try {
      return mapper.treeToValue(payload, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses a whole text frame; trailing content after the JSON value is an error.
   *
   * @param text the text frame as received
   * @return the frame's JSON value
   * @throws JsonProcessingException if the text is not one whole JSON value
   */
  public JsonNode parse(String text) throws JsonProcessingException {
    return mapper.readTree(text);
  }

  /**
   * The message type and unique id an OCPP-J frame starts with, read from one that does not parse as a whole.
   *
   * @param messageType 2 for a CALL, 3 for a CALLRESULT, 4 for a CALLERROR
   * @param id the message's unique id, which ties a reply to its call
   */
  public record FrameStart(int messageType, String id) {
  }

  /**
   * Reads {@code [type, "id"} from the start of a frame that does not parse, so that it can still be
   * answered or matched to its call; empty if the frame breaks before its id.
   *
   * @param text the text frame as received
   * @return the type and id, or empty
   */
  public Optional<FrameStart> frameStart(String text) {
    try (JsonParser parser = mapper.createParser(text)) {
      if (parser.nextToken() == JsonToken.START_ARRAY && parser.nextToken() == JsonToken.VALUE_NUMBER_INT) {
        int type = parser.getIntValue();
        if (parser.nextToken() == JsonToken.VALUE_STRING) {
          return Optional.of(new FrameStart(type, parser.getText()));
        }
      }
    } catch (IOException e) {
      // the frame breaks before its id
    }
    return Optional.empty();
  }

  /**
   * {@code [2, id, action, payload]}: an OCPP-J CALL, laid out alike in 1.6 and 2.0.1.
   *
   * @param id the call's unique id
   * @param action the action name, e.g. {@code "BootNotification"}
   * @param payload the request's JSON object
   * @return the frame's text
   */
  public String callFrame(String id, String action, ObjectNode payload) {
    return write(JsonNodeFactory.instance.arrayNode(4).add(2).add(id).add(action).add(payload));
  }

  /**
   * {@code [3, id, payload]}: a CALLRESULT.
   *
   * @param id the id of the call answered
   * @param payload the response's JSON object
   * @return the frame's text
   */
  public String resultFrame(String id, ObjectNode payload) {
    return write(JsonNodeFactory.instance.arrayNode(3).add(3).add(id).add(payload));
  }

  /**
   * {@code [4, id, code, description, {}]}: a CALLERROR, with an empty details object.
   *
   * @param id the id of the call answered
   * @param code the error code, e.g. {@code "FormationViolation"}
   * @param description detail for people; may be empty
   * @return the frame's text
   */
  public String errorFrame(String id, String code, String description) {
    ArrayNode frame = JsonNodeFactory.instance.arrayNode(5).add(4).add(id).add(code).add(description);
    frame.addObject();
    return write(frame);
  }

  private String write(JsonNode frame) {
    try {
      return mapper.writeValueAsString(frame);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static final class OcppModule extends SimpleModule {
    OcppModule() {
      super("ocpp");
      addDeserializer(Instant.class, new DateTimeDeserializer());
    }

    @Override
    public void setupModule(SetupContext context) {
      super.setupModule(context);
      context.addSerializers(new OcppEnumSerializers());
      context.addDeserializers(new OcppEnumDeserializers());
    }
  }

  private static final class OcppEnumSerializers extends Serializers.Base {
    private static final JsonSerializer<Object> WIRE_VALUE = new JsonSerializer<>() {
      @Override
      public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(((OcppEnum) value).ocppValue());
      }
    };

    @Override
    public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
      return OcppEnum.class.isAssignableFrom(type.getRawClass()) ? WIRE_VALUE : null;
    }
  }

  private static final class OcppEnumDeserializers extends Deserializers.Base {
    @Override
    public JsonDeserializer<?> findEnumDeserializer(
        Class<?> type, DeserializationConfig config, BeanDescription beanDesc) {
      return OcppEnum.class.isAssignableFrom(type) ? new OcppEnumDeserializer(type) : null;
    }
  }

  private static final class OcppEnumDeserializer extends JsonDeserializer<Object> {
    private final Class<?> type;
    private final Map<String, Object> byWireValue = new HashMap<>();

    OcppEnumDeserializer(Class<?> type) {
      this.type = type;
      for (Object constant : type.getEnumConstants()) {
        byWireValue.put(((OcppEnum) constant).ocppValue(), constant);
      }
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      Object constant = text == null ? null : byWireValue.get(text);
      if (constant == null) {
        return ctxt.handleWeirdStringValue(type, text, "not a value of %s", type.getSimpleName());
      }
      return constant;
    }
  }

  private static final class DateTimeDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Optional<Instant> instant =
          p.currentToken() == JsonToken.VALUE_STRING ? DateTimes.parse(p.getText()) : Optional.empty();
      if (instant.isPresent()) {
        return instant.get();
      }
      return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(), "not an RFC 3339 date-time");
    }
  }
}
