package dev.kilowatt.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.core.message.Action;
import dev.kilowatt.core.port.CallError.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where each breach is reported (a JSON pointer into the payload) and with which code, however deep it lies. */
class SchemaViolationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<Violation> sendLocalList(String payload) throws Exception {
    JsonNode node = JSON.readTree(payload);
    return Schemas.ocpp16().request(Action.SEND_LOCAL_LIST).validate(node);
  }

  @Test
  void aValidPayloadHasNoViolations() throws Exception {
    assertEquals(List.of(), sendLocalList("""
        {"listVersion": 3, "updateType": "Full",
         "localAuthorizationList": [{"idTag": "A"}, {"idTag": "B", "idTagInfo": {"status": "Blocked"}}]}"""));
  }

  @Test
  void breachesAreNamedByTheirPointerInDocumentOrder() throws Exception {
    List<Violation> violations = sendLocalList("""
        {"listVersion": 3.5, "updateType": "Full",
         "localAuthorizationList": [{"idTag": "A"}, {"idTagInfo": {"status": "Lost"}}, {"idTag": "012345678901234567890"}],
         "a/b~c": 1}""");
    assertEquals(List.of(
        new Violation(Code.TYPE_CONSTRAINT_VIOLATION, "/listVersion", "expected integer, found number"),
        new Violation(Code.OCCURENCE_CONSTRAINT_VIOLATION, "/localAuthorizationList/1/idTag", "required but missing"),
        new Violation(Code.PROPERTY_CONSTRAINT_VIOLATION, "/localAuthorizationList/1/idTagInfo/status",
            "\"Lost\" is not an allowed value"),
        new Violation(Code.PROPERTY_CONSTRAINT_VIOLATION, "/localAuthorizationList/2/idTag", "21 characters, 20 allowed"),
        new Violation(Code.FORMATION_VIOLATION, "/a~1b~0c", "not a property of this message")), violations);
  }

  @Test
  void aPayloadOfTheWrongTypeIsReportedAtTheRoot() throws Exception {
    assertEquals(List.of(new Violation(Code.TYPE_CONSTRAINT_VIOLATION, "", "expected object, found array")),
        sendLocalList("[]"));
  }
}
