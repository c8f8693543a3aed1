package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kilowatt.core.message.DataTransferStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DataTransfer's data between 2.0.1's JSON and the core's text, without a network. */
class VendorDataTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aJsonValueIsTheCoresTextAsItsSerialization() throws Exception {
    assertEquals(Optional.of("{\"kWh\":12.5,\"tariff\":[1,2]}"), VendorData.text(Optional.of(JSON.readTree("{\"kWh\":12.5,\"tariff\":[1,2]}"))));
    assertEquals(Optional.of("\"plain\""), VendorData.text(Optional.of(TextNode.valueOf("plain"))));
    assertEquals(Optional.empty(), VendorData.text(Optional.empty()));
    assertEquals(Optional.empty(), VendorData.text(Optional.of(JSON.nullNode())), "the binding reads an absent data as null");
  }

  @Test
  void theCoresTextIsTheJsonValueItSpellsElseAJsonString() throws Exception {
    assertEquals(Optional.of(JSON.readTree("{\"a\":[true,null]}")), VendorData.json(Optional.of("{\"a\":[true,null]}")));
    assertEquals(Optional.of(JSON.readTree("12")), VendorData.json(Optional.of("12")));
    assertEquals(Optional.<JsonNode>of(TextNode.valueOf("quoted")), VendorData.json(Optional.of("\"quoted\"")));
    assertEquals(Optional.<JsonNode>of(TextNode.valueOf("hello")), VendorData.json(Optional.of("hello")));
    assertEquals(Optional.<JsonNode>of(TextNode.valueOf("1 2")), VendorData.json(Optional.of("1 2")), "two values are no JSON text");
    assertEquals(Optional.<JsonNode>of(TextNode.valueOf("")), VendorData.json(Optional.of("")));
    assertEquals(Optional.empty(), VendorData.json(Optional.empty()));
  }

  @Test
  void theFourStatusesKeepTheirNamesBothWays() {
    for (DataTransferStatus status : DataTransferStatus.values()) {
      assertEquals(status.ocppValue(), VendorData.status(status).name());
      assertEquals(status, VendorData.status(VendorData.status(status)));
    }
  }
}
