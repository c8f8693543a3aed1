package dev.kilowatt.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CentralSystemAddressTest {

  @Test
  void appendsThePercentEncodedIdAsOnePathSegment() {
    assertEquals(URI.create("ws://csms.example.com/CP-001"),
        CentralSystemAddress.of("ws://csms.example.com", "CP-001").endpoint());
    assertEquals(URI.create("wss://csms.example.com:8443/ocpp/16/CP-001"),
        CentralSystemAddress.of("wss://csms.example.com:8443/ocpp/16/", "CP-001").endpoint());
    assertEquals(URI.create("ws://10.0.0.1:9000/steve/websocket/CentralSystemService/Hall%202%2FBay%207_%C3%A9~"),
        CentralSystemAddress.of("ws://10.0.0.1:9000/steve/websocket/CentralSystemService", "Hall 2/Bay 7_é~").endpoint());
  }

  @Test
  void knowsWhetherItIsSecure() {
    assertTrue(CentralSystemAddress.of("wss://csms.example.com", "CP").secure());
    assertFalse(CentralSystemAddress.of("ws://csms.example.com", "CP").secure());
  }

  @Test
  void refusesWhatCannotBeAnOcppJEndpoint() {
    assertThrows(IllegalArgumentException.class, () -> CentralSystemAddress.of("http://csms.example.com", "CP"));
    assertThrows(IllegalArgumentException.class, () -> CentralSystemAddress.of("ws:///path", "CP"));
    assertThrows(IllegalArgumentException.class, () -> CentralSystemAddress.of("ws://csms.example.com/?a=1", "CP"));
    assertThrows(IllegalArgumentException.class, () -> CentralSystemAddress.of("ws://csms.example.com", " "));
  }
}
