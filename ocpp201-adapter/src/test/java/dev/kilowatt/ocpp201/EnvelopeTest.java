package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kilowatt.ocpp.Payloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The RPC envelope of part 4 and the framing edge cases around it. */
class EnvelopeTest {

  private final Envelope envelope = new Envelope(Payloads.skippingUnmodelledProperties());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      empty text                                 | ''                                        | -1  | RpcFrameworkError
      JSON but no array                          | 42                                        | -1  | RpcFrameworkError
      an empty array                             | []                                        | -1  | RpcFrameworkError
      a message type in a string                 | ["2","t1","Heartbeat",{}]                 | t1  | RpcFrameworkError
      a fractional message type                  | [2.5,"t2","Heartbeat",{}]                 | t2  | RpcFrameworkError
      CALLRESULTERROR, of OCPP 2.1               | [5,"t3","InternalError","",{}]            | t3  | MessageTypeNotSupported
      an unknown type without a readable id      | [9]                                       | -1  | MessageTypeNotSupported
      an id that is a number                     | [2,17,"Heartbeat",{}]                     | -1  | RpcFrameworkError
      no id at all                               | [2]                                       | -1  | RpcFrameworkError
      an action that is no string                | [2,"t4",7,{}]                             | t4  | RpcFrameworkError
      a CALL of five elements                    | [2,"t5","Heartbeat",{},{}]                | t5  | RpcFrameworkError
      a payload that is null                     | [2,"t6","Heartbeat",null]                 | t6  | FormatViolation
      text after the message                     | [2,"t7","Heartbeat",{}] []                | t7  | RpcFrameworkError
      a frame cut short, its id readable         | [2,"t8","Heart                            | t8  | RpcFrameworkError
      a frame cut short before its id            | [2,                                       | -1  | RpcFrameworkError
      """)
  void aBrokenFrameIsRefusedUnderItsIdOrMinusOne(String what, String text, String id, String code) {
    Envelope.Refused refused = assertInstanceOf(Envelope.Refused.class, envelope.parse(text), what);

    assertEquals(id, refused.id(), what);
    assertEquals(code, refused.error().code().wireValue(), what + ": " + refused.error().description());
  }

  @Test
  void aMessageIdOfMoreThan36CharactersIsRefusedUnderThatId() {
    String id = "x".repeat(37);

    Envelope.Refused refused = assertInstanceOf(Envelope.Refused.class,
        envelope.parse("[2,\"" + id + "\",\"Heartbeat\",{}]"));

    assertEquals(id, refused.id());
    assertEquals(ErrorCode.RPC_FRAMEWORK_ERROR, refused.error().code());
    assertInstanceOf(Envelope.Call.class, envelope.parse("[2,\"" + "x".repeat(36) + "\",\"Heartbeat\",{}]"));
  }

  @Test
  void aWellFormedCallResultAndCallErrorAreRead() {
    Envelope.Call call = assertInstanceOf(Envelope.Call.class, envelope.parse("[2,\"c1\",\"Reset\",{\"type\":\"OnIdle\"}]"));
    assertEquals("Reset", call.action());
    assertEquals("OnIdle", call.payload().get("type").asText());

    Envelope.Result result = assertInstanceOf(Envelope.Result.class, envelope.parse("[3,\"c2\",{}]"));
    assertEquals("c2", result.id());

    Envelope.Failure failure = assertInstanceOf(Envelope.Failure.class,
        envelope.parse("[4,\"c3\",\"OccurrenceConstraintViolation\",\"idToken missing\",{}]"));
    assertEquals(new RpcError(ErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, "idToken missing"), failure.error());
  }

  @Test
  void aCallErrorNeedsOnlyItsCodeAndReadsAnUnknownOrOcpp16CodeAsGenericError() {
    Envelope.Failure bare = assertInstanceOf(Envelope.Failure.class, envelope.parse("[4,\"c4\",\"NotSupported\"]"));
    assertEquals(new RpcError(ErrorCode.NOT_SUPPORTED, ""), bare.error());

    // 1.6 spelt it FormationViolation; 2.0.1 has no such code
    Envelope.Failure old = assertInstanceOf(Envelope.Failure.class,
        envelope.parse("[4,\"c5\",\"FormationViolation\",\"bad\",{}]"));
    assertEquals(ErrorCode.GENERIC_ERROR, old.error().code());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a CALLRESULT without payload      | [3,"r1"]              | r1 | RpcFrameworkError
      a CALLRESULT with a list payload  | [3,"r2",[]]           | r2 | FormatViolation
      a CALLERROR without a code        | [4,"r3"]              | r3 | RpcFrameworkError
      a CALLRESULT cut short            | [3,"r4",{"status":    | r4 | RpcFrameworkError
      """)
  void aBrokenAnswerFailsTheCallItAnswersAndIsNotAnswered(String what, String text, String id, String code) {
    Envelope.BrokenResponse broken = assertInstanceOf(Envelope.BrokenResponse.class, envelope.parse(text), what);

    assertEquals(id, broken.id());
    assertEquals(code, broken.error().code().wireValue());
  }

  @Test
  void framesAreWrittenAsPart4LaysThemOut() {
    ObjectNode payload = new ObjectMapper().createObjectNode().put("type", "Immediate");

    assertEquals("[2,\"a\",\"Reset\",{\"type\":\"Immediate\"}]", envelope.call("a", "Reset", payload));
    assertEquals("[3,\"a\",{\"type\":\"Immediate\"}]", envelope.result("a", payload));
    assertEquals("[4,\"-1\",\"RpcFrameworkError\",\"unreadable\",{}]",
        envelope.error("-1", new RpcError(ErrorCode.RPC_FRAMEWORK_ERROR, "unreadable")));
  }

  @Test
  void aLongErrorDescriptionIsCutTo255Characters() throws Exception {
    String frame = envelope.error("a", new RpcError(ErrorCode.FORMAT_VIOLATION, "y".repeat(400)));

    assertEquals(255, new ObjectMapper().readTree(frame).get(3).asText().length());
  }
}
