package dev.kilowatt.ocpp;

import static dev.kilowatt.core.port.CallError.Code.OCCURENCE_CONSTRAINT_VIOLATION;
import static dev.kilowatt.core.port.CallError.Code.PROPERTY_CONSTRAINT_VIOLATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The draft-06 keywords the OCPP 2.0.1 schemas add to those of 1.6: bounds, item counts and annotations. */
class PayloadSchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final PayloadSchemas schemas = PayloadSchemas.inFolder(PayloadSchemasTest.class, "draft06");

  private List<Violation> check(String payload) throws Exception {
    JsonNode tree = JSON.readTree(payload);
    return schemas.validate("Limits.json", tree);
  }

  @Test
  void aPayloadWithinItsBoundsConformsAndTheAnnotationsConstrainNothing() throws Exception {
    assertEquals(List.of(), check("{\"soc\":0,\"price\":-2.5,\"phases\":[\"L1\",\"L2\",\"L3\"],\"unit\":\"kWh\"}"));
    assertEquals(List.of(), check("{\"soc\":100}"));
  }

  @Test
  void aPropertyWithoutATypeAdmitsEveryValue() throws Exception {
    for (String data : List.of("\"text\"", "7", "[1,\"two\"]", "{\"nested\":{}}", "null", "true")) {
      assertEquals(List.of(), check("{\"soc\":1,\"data\":" + data + "}"), data);
    }
  }

  @Test
  void aNumberBelowItsMinimumOrAboveItsMaximumIsAnInvalidValue() throws Exception {
    assertEquals(List.of(new Violation(PROPERTY_CONSTRAINT_VIOLATION, "/soc", "above the maximum 100.0")),
        check("{\"soc\":101}"));
    assertEquals(List.of(new Violation(PROPERTY_CONSTRAINT_VIOLATION, "/soc", "below the minimum 0.0")),
        check("{\"soc\":-1}"));
    assertEquals(List.of(new Violation(PROPERTY_CONSTRAINT_VIOLATION, "/price", "below the minimum -2.5")),
        check("{\"soc\":1,\"price\":-2.51}"));
  }

  @Test
  void tooManyItemsBreakTheOccurrenceConstraint() throws Exception {
    List<Violation> violations = check("{\"soc\":1,\"phases\":[\"L1\",\"L2\",\"L3\",\"N\"]}");

    assertEquals(List.of(new Violation(OCCURENCE_CONSTRAINT_VIOLATION, "/phases", "4 items, at most 3 allowed")),
        violations);
  }

  @Test
  void aKeywordTheValidatorDoesNotImplementFailsLoadingInsteadOfBeingIgnored() {
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> schemas.load("Pattern.json"));

    assertTrue(refused.getMessage().contains("unsupported keyword pattern"), refused.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> schemas.load("Nothing.json"));

    assertTrue(refused.getMessage().contains("draft06/Nothing.json"), refused.getMessage());
  }
}
