package dev.kilowatt.core.port;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;

/**
 * The link to the central system: a transport for OCPP calls in both directions.
 *
 * <p>The domain decides what to send and when (boot gating, one call in flight, retries, the offline
 * queue, response time-outs); the adapter frames, encodes, validates and keeps the connection up,
 * reconnecting by itself with back-off until {@link #disconnect()}. Inbound calls the adapter cannot
 * decode or validate are answered by the adapter with the right CALLERROR and never reach the domain.
 */
public interface CentralSystem {

  /** Starts connecting, and keeps reconnecting after every loss, reporting to {@code listener}. */
  void connect(ConnectionSettings settings, Listener listener);

  /** Applies changed settings (a new authorization key, ping interval); reconnects if they require it. */
  void reconfigure(ConnectionSettings settings);

  /** Closes the connection for good (before a reboot). */
  void disconnect();

  /**
   * Sends a call. The outcome arrives as {@link Listener#onCallResult} or {@link Listener#onCallError}
   * with the same {@code callId}, or never (the domain times out on its own clock). Sending while
   * disconnected is a no-op.
   */
  void send(String callId, ChargePointRequest<?> request);

  /** Answers the inbound call {@code callId}. */
  void reply(String callId, Response response);

  /** Answers the inbound call {@code callId} with a CALLERROR. */
  void replyError(String callId, CallError error);

  /** Events from the link, delivered from any thread, in the order they happened. */
  interface Listener {
    void onConnected();

    void onDisconnected(String reason);

    void onCallResult(String callId, Response response);

    void onCallError(String callId, CallError error);

    void onCall(String callId, CentralSystemRequest<?> request);

    /**
     * The link saw a security event only it can see, such as a server certificate that does not verify
     * ({@code InvalidCentralSystemCertificate}), TLS below 1.2 ({@code InvalidTLSVersion}), a weak cipher
     * suite ({@code InvalidTLSCipherSuite}) or an HTTP 401 on connecting
     * ({@code FailedToAuthenticateAtCentralSystem}); {@code type} as the security white paper spells it,
     * {@code techInfo} free text for people, possibly empty.
     */
    void onSecurityEvent(String type, String techInfo);
  }
}
