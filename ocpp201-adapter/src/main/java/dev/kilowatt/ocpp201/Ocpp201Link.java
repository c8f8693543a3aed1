package dev.kilowatt.ocpp201;

import static dev.kilowatt.ocpp201.ErrorCode.GENERIC_ERROR;

import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.ocpp.ConnectionSecurity;
import dev.kilowatt.ocpp.SecurityFinding;
import dev.kilowatt.ocpp.TrafficListener;
import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLParameters;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's side of one OCPP-J 2.0.1 connection: the WebSocket handshake that offers the station's
 * subprotocols, the RPC framing with its CALLERROR rules, and schema validation both ways.
 *
 * <p>Everything the station learns arrives on its event loop (the {@link Scheduler}): the
 * {@link Listener}'s calls, and the completion of the futures {@link #call} returns. Calls go out one at a
 * time, the next when the previous is answered or has timed out, as part 4 asks of both sides: a call
 * unanswered within {@link Handshake#messageTimeout()} ({@code OCPPCommCtrlr.MessageTimeout}) fails, and a
 * late answer to it is ignored like any answer to no pending call. If the CSMS chooses a
 * subprotocol other than ocpp2.0.1, the link reports the choice and closes, so that the station can hand
 * the connection to the adapter of that protocol.
 *
 * <p>The upgrade request and the TLS handshake are as the {@link Handshake} says. Every {@code wss://}
 * handshake offers TLS 1.2 and 1.3 and AEAD cipher suites only and checks that the CSMS's certificate
 * names the URL's host (A00.FR.308, A00.FR.312, A00.FR.318). An attempt that fails for a security reason is
 * reported once, before its disconnection: a server certificate that does not verify, TLS below 1.2, no
 * acceptable cipher suite, a TLS alert refusing the client certificate, or HTTP 401 on the upgrade.
 * While connected, a WebSocket ping goes out every {@link Handshake#pingSeconds()}, and a connection that
 * answers none for 1.5 intervals counts as lost.
 */
public final class Ocpp201Link implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Ocpp201Link.class);

  /** What the station hears from the link, always on its event loop. */
  public interface Listener {
    /**
     * The handshake succeeded and the CSMS chose {@code subprotocol}.
     *
     * @param subprotocol the subprotocol the CSMS chose
     */
    void connected(Subprotocol subprotocol);

    /**
     * The connection is gone, or never came up; {@code reason} says why.
     *
     * @param reason why, for the log
     */
    void disconnected(String reason);

    /**
     * A valid call from the CSMS, to be answered.
     *
     * @param call the call, to be answered exactly once
     */
    void callReceived(IncomingCall<?> call);

    /**
     * The attempt failed for a security reason, named as the 1.6 white paper names it (the core's port
     * speaks those names; see {@link SecurityFinding}); {@link #disconnected} follows.
     *
     * @param finding the event's type and what the TLS stack or the server said
     */
    void securityEvent(SecurityFinding finding);
  }

  private record Outgoing(String callId, Action action, String frame, CompletableFuture<Response> result) {}

  private final Scheduler loop;
  private final Listener listener;
  private final TrafficListener traffic;
  private final Duration messageTimeout;
  private final Codec codec = new Codec();
  private final Socket socket;
  private final Queue<Outgoing> queue = new ArrayDeque<>();
  private final AtomicLong ignoredFrames = new AtomicLong();
  /** Reading and writing may both fail on one TLS handshake: the first report is the one told. */
  private final AtomicBoolean securityReported = new AtomicBoolean();
  private volatile boolean everOpened;
  private Outgoing inFlight;
  /** The time-out of the call in flight. */
  private Scheduler.Timer answerDue;
  private volatile Optional<Subprotocol> subprotocol = Optional.empty();

  /** Answers to the CSMS's calls, sent from the event loop; one lost to a closed connection is only logged. */
  private final IncomingCall.Replies replies = new IncomingCall.Replies() {
    @Override
    public void result(String callId, Response response) {
      reply(callId, codec.encodeResult(callId, response));
    }

    @Override
    public void error(String callId, RpcError error) {
      reply(callId, codec.encodeError(callId, error));
    }

    private void reply(String callId, String frame) {
      if (!send(frame)) {
        LOG.warn("the answer to {} is lost: the connection closed first", callId);
      }
    }
  };

  private Ocpp201Link(URI endpoint, List<Subprotocol> offered, Handshake handshake, Scheduler loop, Listener listener,
      TrafficListener traffic) {
    this.loop = loop;
    this.listener = listener;
    this.traffic = SecretVariables.masking(traffic);
    this.messageTimeout = handshake.messageTimeout();
    List<IProtocol> protocols = offered.stream().<IProtocol>map(p -> new Protocol(p.token())).toList();
    this.socket = new Socket(endpoint, new Draft_6455(List.of(), protocols), handshake);
  }

  /**
   * Starts connecting to {@code endpoint} (the CSMS's URL ending in the station's identity), offering
   * {@code offered} in order of preference; the listener hears how it went.
   *
   * @param endpoint the CSMS's URL, ending in the station's identity
   * @param offered the subprotocols to offer, preferred first; at least one
   * @param handshake the credentials, TLS context and ping interval of the connection
   * @param loop the station's event loop, where everything the link reports arrives
   * @param listener what hears of the connection and of the CSMS's calls
   * @return the link, connecting
   */
  public static Ocpp201Link open(URI endpoint, List<Subprotocol> offered, Handshake handshake, Scheduler loop,
      Listener listener) {
    return open(endpoint, offered, handshake, loop, listener, TrafficListener.NONE);
  }

  /**
   * As the other {@code open}, and {@code traffic} sees every text frame, secret variables masked: one sent as it is
   * handed to the connection, one received before it is decoded. It is called on the link's threads.
   */
  static Ocpp201Link open(URI endpoint, List<Subprotocol> offered, Handshake handshake, Scheduler loop, Listener listener,
      TrafficListener traffic) {
    if (offered.isEmpty()) {
      throw new IllegalArgumentException("offer at least one subprotocol");
    }
    Ocpp201Link link = new Ocpp201Link(endpoint, List.copyOf(offered), handshake, loop, listener, traffic);
    link.socket.connect();
    return link;
  }

  /** {@return the subprotocol the CSMS chose, once connected} */
  public Optional<Subprotocol> subprotocol() {
    return subprotocol;
  }

  /**
   * Sends {@code request} once the calls before it are answered. The future completes on the event loop:
   * with the CSMS's answer, or with an {@link RpcError.RpcException} for a CALLERROR, an answer that breaks
   * its schema, a payload of ours that breaks its schema (nothing is sent then) or a lost connection, or with
   * a {@link TimeoutException} when no answer came within the message time-out.
   *
   * @param <R> the response type of the request's action
   * @param request the CALL payload
   * @return the answer, completed on the event loop
   */
  // the codec binds an answer to the response type of the request's action, which is R
  @SuppressWarnings("unchecked")
  public <R extends Response> CompletableFuture<R> call(Request<R> request) {
    String callId = UUID.randomUUID().toString();
    CompletableFuture<Response> result = new CompletableFuture<>();
    try {
      enqueue(new Outgoing(callId, Action.of(request), codec.encodeCall(callId, request), result));
    } catch (RpcError.RpcException e) {
      loop.execute(() -> result.completeExceptionally(e));
    }
    return (CompletableFuture<R>) (CompletableFuture<?>) result;
  }

  /**
   * Frames that could be neither answered nor matched to a call of the station's (answers to no pending
   * call, binary frames), since the link opened.
   *
   * @return how many such frames there were
   */
  public long ignoredFrames() {
    return ignoredFrames.get();
  }

  /** Pings every {@code seconds} (0: never) from now on, on the live connection too. */
  void pingEvery(int seconds) {
    socket.pingEvery(seconds);
  }

  @Override
  public void close() {
    socket.close();
  }

  private synchronized void enqueue(Outgoing outgoing) {
    queue.add(outgoing);
    sendNext();
  }

  private synchronized void sendNext() {
    if (inFlight != null || queue.isEmpty()) {
      return;
    }
    Outgoing next = queue.poll();
    if (subprotocol.filter(p -> p == Subprotocol.OCPP201).isEmpty() || !socket.isOpen()) {
      fail(next, new RpcError(GENERIC_ERROR, "not connected over ocpp2.0.1").failure());
      sendNext();
      return;
    }
    inFlight = next;
    codec.sent(next.callId(), next.action());
    answerDue = loop.schedule(messageTimeout, () -> timedOut(next.callId()));
    if (!send(next.frame())) {
      // closed since the check above: the close callback fails the call in flight
      LOG.warn("call {} not sent: the connection closed", next.callId());
    }
  }

  /** Sends a frame unless the connection has closed meanwhile, which only the close callback handles. */
  private boolean send(String frame) {
    try {
      traffic.onFrame(TrafficListener.Direction.SENT, frame);
      socket.send(frame);
      return true;
    } catch (WebsocketNotConnectedException e) {
      return false;
    }
  }

  /** The codec expects an answer to the call in flight only, so {@code callId} is that call's. */
  private synchronized void settle(String callId, Optional<Response> response, Optional<RpcError> error) {
    if (inFlight == null || !inFlight.callId().equals(callId)) {
      throw new IllegalStateException("an answer to " + callId + ", which is not the call in flight");
    }
    Outgoing done = inFlight;
    inFlight = null;
    answerDue.cancel();
    response.ifPresent(r -> loop.execute(() -> done.result().complete(r)));
    error.ifPresent(e -> fail(done, e.failure()));
    sendNext();
  }

  /** Part 4: a call unanswered within the time-out has failed, and the next may go. */
  private synchronized void timedOut(String callId) {
    if (inFlight == null || !inFlight.callId().equals(callId)) {
      return; // answered or lost meanwhile
    }
    LOG.warn("no answer to {} within {}", callId, messageTimeout);
    codec.forget(callId);
    fail(inFlight, new TimeoutException("no answer within the message time-out of " + messageTimeout));
    inFlight = null;
    sendNext();
  }

  private synchronized void failAll(String reason) {
    RpcError lost = new RpcError(GENERIC_ERROR, "connection lost before an answer: " + reason);
    if (inFlight != null) {
      codec.forget(inFlight.callId());
      answerDue.cancel();
      fail(inFlight, lost.failure());
      inFlight = null;
    }
    for (Outgoing waiting : queue) {
      fail(waiting, lost.failure());
    }
    queue.clear();
  }

  private void fail(Outgoing outgoing, Throwable failure) {
    loop.execute(() -> outgoing.result().completeExceptionally(failure));
  }

  private void received(String text) {
    traffic.onFrame(TrafficListener.Direction.RECEIVED, text);
    switch (codec.decode(text)) {
      case Codec.CallReceived call -> loop.execute(() -> listener.callReceived(incoming(call.callId(), call.request())));
      case Codec.ResultReceived result -> settle(result.callId(), Optional.of(result.response()), Optional.empty());
      case Codec.CallFailed failed -> settle(failed.callId(), Optional.empty(), Optional.of(failed.error()));
      case Codec.Refused refused -> {
        LOG.warn("answering {} with {}: {}",
            refused.callId(), refused.error().code().wireValue(), refused.error().description());
        send(codec.encodeError(refused.callId(), refused.error()));
      }
      case Codec.Ignored ignored -> {
        ignoredFrames.incrementAndGet();
        LOG.warn("ignoring a frame: {}", ignored.reason());
      }
    }
  }

  private <R extends Response> IncomingCall<R> incoming(String callId, Request<R> request) {
    return new IncomingCall<>(callId, request, replies);
  }

  private void opened(String token) {
    everOpened = true;
    // Java-WebSocket fails a handshake whose answer names none of the offered tokens before it opens,
    // so the token is always one the station offered
    Subprotocol chosen = Subprotocol.ofToken(token).orElseThrow();
    subprotocol = Optional.of(chosen);
    loop.execute(() -> listener.connected(chosen));
    if (chosen != Subprotocol.OCPP201) {
      socket.close(1000, chosen.token() + " is served by another adapter");
    }
  }

  private void securityEvent(SecurityFinding finding) {
    if (securityReported.compareAndSet(false, true)) {
      LOG.warn("security event {}: {}", finding.type(), finding.techInfo());
      loop.execute(() -> listener.securityEvent(finding));
    }
  }

  private void closed(String reason) {
    subprotocol = Optional.empty();
    failAll(reason);
    loop.execute(() -> listener.disconnected(reason));
  }

  /** The WebSocket; its callbacks run on Java-WebSocket's thread and only hand work on. */
  private final class Socket extends WebSocketClient {
    Socket(URI endpoint, Draft_6455 draft, Handshake handshake) {
      super(endpoint, draft, handshake.authorization().map(value -> Map.of("Authorization", value)).orElse(Map.of()));
      setConnectionLostTimeout(handshake.pingSeconds());
      handshake.tls().ifPresent(context -> setSocketFactory(context.getSocketFactory()));
    }

    @Override
    protected void onSetSSLParameters(SSLParameters parameters) {
      ConnectionSecurity.restrict(parameters);
    }

    /**
     * Java-WebSocket's connection-lost timer pings; it starts only when the connection opens with a
     * non-zero interval, so a live connection that had none needs it started here.
     */
    void pingEvery(int seconds) {
      setConnectionLostTimeout(seconds);
      if (seconds > 0 && isOpen()) {
        startConnectionLostTimer();
      }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
      opened(getProtocol().getProvidedProtocol());
    }

    @Override
    public void onMessage(String message) {
      received(message);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
      ignoredFrames.incrementAndGet();
      LOG.warn("ignoring a binary frame of {} bytes: OCPP-J uses text frames only", bytes.remaining());
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      if (!everOpened) {
        SecurityFinding.ofRefusedUpgrade(reason).ifPresent(Ocpp201Link.this::securityEvent);
      }
      closed(code + (reason.isEmpty() ? "" : " " + reason));
    }

    @Override
    public void onError(Exception error) {
      LOG.warn("WebSocket error: {}", error.toString());
      SecurityFinding.ofTlsFailure(error).ifPresent(Ocpp201Link.this::securityEvent);
    }
  }
}
