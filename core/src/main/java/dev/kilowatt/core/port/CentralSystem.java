package dev.kilowatt.core.port;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import java.util.List;
import java.util.function.Consumer;

/**
 * The link to the central system: a transport for OCPP calls in both directions.
 *
 * <p>The domain decides what to send and when (boot gating, one call in flight, retries, the offline
 * queue, response time-outs); the adapter frames, encodes, validates and keeps the connection up,
 * reconnecting by itself with back-off until {@link #disconnect()}. Inbound calls the adapter cannot
 * decode or validate are answered by the adapter with the right CALLERROR and never reach the domain.
 */
public interface CentralSystem {

  /**
   * Starts connecting, and keeps reconnecting after every loss, reporting to {@code listener}.
   *
   * @param settings where the central system is and how to authenticate to it
   * @param listener what hears of connections, answers and inbound calls
   */
  void connect(ConnectionSettings settings, Listener listener);

  /**
   * Applies changed settings (a new authorization key, ping interval); reconnects if they require it.
   *
   * @param settings the settings after the configuration change
   */
  void reconfigure(ConnectionSettings settings);

  /** Closes the connection for good (before a reboot). */
  void disconnect();

  /**
   * Sends a call. The outcome arrives as {@link Listener#onCallResult} or {@link Listener#onCallError}
   * with the same {@code callId}, or never (the domain times out on its own clock). Sending while
   * disconnected is a no-op.
   *
   * @param callId the CALL's unique id, which its answer will carry
   * @param request the payload
   */
  void send(String callId, ChargePointRequest<?> request);

  /**
   * Sends a call as {@link #send(String, ChargePointRequest)} does, saying whether the domain made it while the link
   * was down; a protocol without a word for that (OCPP 1.6) keeps this default, which drops {@code origin}.
   *
   * @param callId the CALL's unique id, which its answer will carry
   * @param request the payload
   * @param origin whether it was made while no connection was up
   */
  default void send(String callId, ChargePointRequest<?> request, CallOrigin origin) {
    send(callId, request);
  }

  /**
   * Answers the inbound call {@code callId}.
   *
   * @param callId the id of the inbound CALL
   * @param response the CALLRESULT payload
   */
  void reply(String callId, Response response);

  /**
   * Answers the inbound call {@code callId} with a CALLERROR.
   *
   * @param callId the id of the inbound CALL
   * @param error the error code and description to send
   */
  void replyError(String callId, CallError error);

  /**
   * A reservation ended by itself: it expired, or its connector became unusable. Told on the loop, once, and not
   * kept for later: while disconnected it is lost, as a status is (the central system's reservations then
   * lapse on its own clock). A link for a protocol without such a message ignores it, as this default does.
   *
   * @param reservationId the id the central system gave the reservation
   * @param end how it ended
   */
  default void reservationEnded(int reservationId, ReservationEnd end) {
  }

  /** Events from the link, delivered from any thread, in the order they happened. */
  interface Listener {
    /** The WebSocket is open: the domain may send, starting with its BootNotification. */
    void onConnected();

    /**
     * The connection was lost or refused; the adapter is already trying again.
     *
     * @param reason what happened, for the log
     */
    void onDisconnected(String reason);

    /**
     * The central system answered a call.
     *
     * @param callId the id {@link CentralSystem#send} was given
     * @param response the CALLRESULT payload, of the type the request's action answers with
     */
    void onCallResult(String callId, Response response);

    /**
     * The central system refused a call with a CALLERROR.
     *
     * @param callId the id {@link CentralSystem#send} was given
     * @param error the code and description it sent
     */
    void onCallError(String callId, CallError error);

    /**
     * The central system sent a valid request that the domain must answer through {@link CentralSystem#reply} or
     * {@link CentralSystem#replyError}.
     *
     * @param callId the CALL's id, for the answer
     * @param request the decoded payload
     */
    void onCall(String callId, CentralSystemRequest<?> request);

    /**
     * The link saw a security event only it can see, such as a server certificate that does not verify
     * ({@code InvalidCentralSystemCertificate}), TLS below 1.2 ({@code InvalidTLSVersion}), a weak cipher
     * suite ({@code InvalidTLSCipherSuite}) or an HTTP 401 on connecting
     * ({@code FailedToAuthenticateAtCentralSystem}); {@code type} as the security white paper spells it,
     * {@code techInfo} free text for people, possibly empty.
     *
     * @param type the event type
     * @param techInfo detail for people; may be empty
     */
    void onSecurityEvent(String type, String techInfo);

    /**
     * The central system asks after the charger's transactions in words the 1.6 calls lack (OCPP 2.0.1's
     * GetTransactionStatus: does this transaction still run, do messages of it wait?). The domain answers on
     * its event loop with every transaction that runs or has a message not answered yet; one missing from the
     * answer has ended and been delivered in full, or never was.
     *
     * @param answer gets the unsettled transactions, oldest first, on the event loop
     */
    void onTransactionsAsked(Consumer<List<UnsettledTransaction>> answer);

    /**
     * The central system asks which charging profiles the charger holds (OCPP 2.0.1's GetChargingProfiles); the
     * domain answers on its event loop with every installed profile, in install order.
     *
     * @param answer gets the installed profiles, on the event loop
     */
    void onChargingProfilesAsked(Consumer<List<InstalledChargingProfile>> answer);
  }
}
