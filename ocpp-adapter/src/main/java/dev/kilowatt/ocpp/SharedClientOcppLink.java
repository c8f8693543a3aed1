package dev.kilowatt.ocpp;

import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.Scheduler;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * The {@link CentralSystem} port over OCPP-J 1.6 on the JDK's {@link WebSocket}, for many charge points in
 * one process: every link made with the same {@link HttpClient} shares its one selector thread and its
 * executor, where {@link OcppJsonLink} costs two threads per connection. A simulated fleet of thousands
 * of stations uses it; a real board keeps {@link OcppJsonLink}.
 *
 * <p>It speaks the same protocol as {@link OcppJsonLink}, with the same framing, schema validation and
 * CALLERROR answers (the same codec), the same counters, back-off, handshake deadline, HTTP Basic
 * authentication (security profiles 0 to 2) and ping supervision: a ping every {@code WebSocketPingInterval},
 * and a connection that answers none for 1.5 intervals counts as lost. The JDK answers the central
 * system's pings by itself. The subprotocol is offered as {@code Sec-WebSocket-Protocol: ocpp1.6}; a server
 * that completes the upgrade without agreeing to it is left with 1008 and tried again later.
 *
 * <p>What differs: TLS is the shared client's, so every link on it trusts the same authorities and none
 * presents a certificate of its own. A link asked for security profile 3 therefore does not connect, and
 * says so in the log, rather than connect without the client certificate the profile requires.
 */
public final class SharedClientOcppLink extends LinkMachine<SharedConnection> {

  /** One Jackson binding for every link in the process. */
  private static final Payloads PAYLOADS = new Payloads();
  /** Bounds what one frame may cost in memory; far above any real OCPP message. */
  static final int MAX_FRAME_CHARS = 1 << 20;
  /**
   * The JDK's client may not send 1002 (protocol error) or 1009 (too big), which {@link OcppJsonLink}
   * closes with; 1008, "policy violation" (RFC 6455 section 7.4.1), is the nearest code it may send.
   */
  static final int POLICY_VIOLATION = 1008;
  private static final int UNAUTHORIZED = 401;

  private final HttpClient client;

  /**
   * A link to {@code address} over {@code client}, timing reconnection, handshake deadlines and pings on
   * {@code scheduler}. {@link LinkOptions#tls()} is not used: TLS is {@code client}'s (see
   * {@link SharedWebSocketClient}).
   *
   * @param client the HTTP client this link shares with the others in the process
   * @param address the central system's URL and this charge point's id
   * @param scheduler the event loop the domain runs on, which the link posts to
   * @param options the back-off, handshake timeout and traffic watcher
   */
  public SharedClientOcppLink(HttpClient client, CentralSystemAddress address, Scheduler scheduler, LinkOptions options) {
    super(address, scheduler, options, PAYLOADS, true);
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  Optional<SharedConnection> newAttempt(ConnectionSettings settings) {
    if (settings.securityProfile() >= 3) {
      log.error("SecurityProfile 3 needs a client certificate per charge point, which a shared client "
          + "cannot present; not connecting {}", address.chargePointId());
      return Optional.empty();
    }
    return Optional.of(new SharedConnection(this, scheduler));
  }

  @Override
  void start(SharedConnection attempt, ConnectionSettings settings) {
    WebSocket.Builder builder = client.newWebSocketBuilder().subprotocols(SUBPROTOCOL)
        .connectTimeout(options.handshakeTimeout());
    ConnectionSecurity.basicAuthorization(address.chargePointId(), settings)
        .ifPresent(value -> builder.header("Authorization", value));
    builder.buildAsync(address.endpoint(), attempt).whenComplete((socket, error) -> {
      if (error != null) {
        failed(attempt, error instanceof CompletionException ? error.getCause() : error);
      }
    });
  }

  /** A frame longer than any OCPP message: the connection is closed with 1008 and counts as lost. */
  void tooBig(SharedConnection connection) {
    closed(connection, POLICY_VIOLATION, "a frame of more than " + MAX_FRAME_CHARS + " characters", false);
    connection.retire(POLICY_VIOLATION, "frame too big");
  }

  /** The connection is dead although the JDK has not said so: a send failed, or pings went unanswered. */
  void lost(SharedConnection connection, String why) {
    closed(connection, ABNORMAL, why, false);
    connection.abort(why);
  }

  private void failed(SharedConnection connection, Throwable error) {
    Optional<SecurityFinding> finding = error instanceof WebSocketHandshakeException refused
        && refused.getResponse().statusCode() == UNAUTHORIZED
        ? Optional.of(new SecurityFinding(SecurityFinding.FAILED_TO_AUTHENTICATE, "HTTP 401 on the WebSocket upgrade"))
        : SecurityFinding.ofTlsFailure(error);
    finding.ifPresent(found -> securityEvent(connection, found));
    closed(connection, ABNORMAL, String.valueOf(error.getMessage()), false);
  }
}
