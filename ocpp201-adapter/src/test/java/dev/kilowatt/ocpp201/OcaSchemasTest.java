package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The schema resources are the OCA's 2.0.1 files, all of them, and the shared validator reads every one. */
class OcaSchemasTest {

  private static List<Path> files() throws Exception {
    Path folder = Path.of(Codec.class.getResource("schemas/").toURI());
    try (Stream<Path> listing = Files.list(folder)) {
      return listing.sorted().toList();
    }
  }

  @Test
  void everyFileIsAnOcaFinal201SchemaNamedAfterItsMessage() throws Exception {
    List<Path> files = files();

    // 64 actions of OCPP 2.0.1, a request and a response each
    assertEquals(128, files.size());
    for (Path file : files) {
      JsonNode schema = new ObjectMapper().readTree(file.toFile());
      String message = file.getFileName().toString().replace(".json", "");
      assertEquals("urn:OCPP:Cp:2:2020:3:" + message, schema.get("$id").asText(), file::toString);
      assertEquals("OCPP 2.0.1 FINAL", schema.get("$comment").asText(), file::toString);
      assertEquals("http://json-schema.org/draft-06/schema#", schema.get("$schema").asText(), file::toString);
    }
  }

  @Test
  void theSharedValidatorCompilesEveryFileWithoutIgnoringAKeyword() throws Exception {
    for (Path file : files()) {
      Codec.SCHEMAS.load(file.getFileName().toString());
    }
    for (Action action : Action.values()) {
      assertTrue(Files.exists(Path.of(Codec.class.getResource("schemas/" + action.requestSchema()).toURI())));
      assertTrue(Files.exists(Path.of(Codec.class.getResource("schemas/" + action.responseSchema()).toURI())));
    }
  }
}
