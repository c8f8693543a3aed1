package dev.kilowatt.core.port;

/**
 * What the domain knows of a call beyond its payload: whether it was made while no connection to the central
 * system was up. OCPP 2.0.1 says so in a TransactionEvent ({@code offline}, part 2 E04.FR.03 and E12.FR.02); OCPP
 * 1.6 has no word for it, and its adapter ignores it.
 *
 * @param offline the domain made the call while the link was down, to go out once it is up again; false for a
 *     call made while it was up, or about which the domain keeps no such record
 */
public record CallOrigin(boolean offline) {

  /** Made while the link was up, or not known to have been made while it was down. */
  public static final CallOrigin ONLINE = new CallOrigin(false);

  /** Made while the link was down. */
  public static final CallOrigin OFFLINE = new CallOrigin(true);
}
