package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.core.time.EventLoop;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Frames that ocpp-rpc's strict mode would never send, sent raw by its server: the station answers each
 * with the CALLERROR that part 4 names, and keeps the connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundCallErrorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CentralSystemProcess csms;
  private EventLoop loop;
  private Ocpp201Link link;

  @BeforeAll
  void connect() {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    loop = new EventLoop();
    StationProbe station = new StationProbe(call -> call.refuse(new RpcError(ErrorCode.NOT_SUPPORTED, "probe")));
    link = Ocpp201Link.open(csms.endpoint("KW-E"), List.of(Subprotocol.OCPP201), StationProbe.PROFILE_0, loop, station);
    assertEquals(Subprotocol.OCPP201, station.next());
    csms.awaitPrefix("connected ");
  }

  @AfterAll
  void disconnect() throws InterruptedException {
    link.close();
    csms.close();
    loop.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      an enumeration value Reset does not define | [2,"e1","Reset",{"type":"Sometime"}]               | e1 | PropertyConstraintViolation
      a required field missing                   | [2,"e2","Reset",{}]                                 | e2 | OccurrenceConstraintViolation
      a number where a string belongs            | [2,"e3","Reset",{"type":1}]                         | e3 | TypeConstraintViolation
      a property Reset does not have             | [2,"e4","Reset",{"type":"Immediate","when":"now"}]  | e4 | ProtocolError
      an action no version of OCPP knows         | [2,"e5","Levitate",{}]                              | e5 | NotImplemented
      an action stations send, not receive       | [2,"e6","Heartbeat",{}]                             | e6 | NotSupported
      a payload that is no object                | [2,"e7","Reset",[]]                                 | e7 | FormatViolation
      a CALL without its payload                 | [2,"e8","Reset"]                                    | e8 | RpcFrameworkError
      a message type of OCPP 2.1 only            | [6,"e9","NotifyPeriodicEventStream",{}]             | e9 | MessageTypeNotSupported
      a message id that is no string             | [2,10,"Reset",{"type":"Immediate"}]                 | -1 | RpcFrameworkError
      a frame that is no JSON                    | [2,"e11","Reset",{"type":                           | e11 | RpcFrameworkError
      a frame that is no array                   | {"type":"Immediate"}                                | -1 | RpcFrameworkError
      """)
  void anInvalidCallIsAnsweredWithItsCallError(String what, String frame, String id, String code) throws Exception {
    csms.send("raw " + frame);

    JsonNode answer = JSON.readTree(csms.await(line -> line.startsWith("frame [4,")).substring("frame ".length()));
    assertEquals(id, answer.get(1).asText(), what);
    assertEquals(code, answer.get(2).asText(), what + ": " + answer);
    assertEquals(5, answer.size());
  }

  @Test
  void anAnswerToNoCallAndABinaryFrameAreCountedNotAnsweredAndTheLinkKeepsServing() {
    long before = link.ignoredFrames();
    csms.send("raw [3,\"never-sent\",{\"currentTime\":\"2026-12-02T10:15:30Z\"}]");
    csms.send("raw [4,\"never-sent\",\"InternalError\",\"\",{}]");
    csms.send("binary [2,\"b1\",\"Reset\",{\"type\":\"Immediate\"}]");

    // frames are read in order: by the time this call is answered, the three above were handled
    csms.send("call v1 Reset {\"type\":\"Immediate\"}");

    assertEquals("error v1 NotSupported \"probe\"", csms.awaitPrefix("error v1 "));
    assertEquals(before + 3, link.ignoredFrames());
    assertTrue(csms.reported().stream().noneMatch(line -> line.startsWith("frame [4,")
        && (line.contains("never-sent") || line.contains("\"b1\""))), csms.reported()::toString);
  }
}
