package dev.kilowatt.ocpp201;

import java.util.Optional;

/** The WebSocket subprotocols of OCPP-J (2.0.1 part 4, "Connection"), as the handshake names them. */
public enum Subprotocol {
  /** OCPP 2.0.1, which this adapter speaks. */
  OCPP201("ocpp2.0.1"),
  /** OCPP 1.6, for which the station hands the connection to its 1.6 adapter. */
  OCPP16("ocpp1.6");

  private final String token;

  Subprotocol(String token) {
    this.token = token;
  }

  /** {@return the value in the {@code Sec-WebSocket-Protocol} header} */
  public String token() {
    return token;
  }

  /**
   * The subprotocol a handshake named.
   *
   * @param token the value of the {@code Sec-WebSocket-Protocol} header
   * @return the subprotocol, or empty for one this adapter does not know
   */
  public static Optional<Subprotocol> ofToken(String token) {
    for (Subprotocol protocol : values()) {
      if (protocol.token.equals(token)) {
        return Optional.of(protocol);
      }
    }
    return Optional.empty();
  }
}
