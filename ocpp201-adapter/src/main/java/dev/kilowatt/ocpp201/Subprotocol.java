package dev.kilowatt.ocpp201;

import java.util.Optional;

/** The WebSocket subprotocols of OCPP-J (2.0.1 part 4, "Connection"), as the handshake names them. */
public enum Subprotocol {
  OCPP201("ocpp2.0.1"),
  OCPP16("ocpp1.6");

  private final String token;

  Subprotocol(String token) {
    this.token = token;
  }

  /** The value in the {@code Sec-WebSocket-Protocol} header. */
  public String token() {
    return token;
  }

  public static Optional<Subprotocol> ofToken(String token) {
    for (Subprotocol protocol : values()) {
      if (protocol.token.equals(token)) {
        return Optional.of(protocol);
      }
    }
    return Optional.empty();
  }
}
