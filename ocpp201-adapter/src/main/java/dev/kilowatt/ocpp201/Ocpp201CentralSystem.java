package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.ReservationEnd;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.ocpp.CentralSystemAddress;
import dev.kilowatt.ocpp.ConnectionSecurity;
import dev.kilowatt.ocpp.SecurityFinding;
import dev.kilowatt.ocpp.TrafficListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link CentralSystem} port over OCPP 2.0.1: the 1.6-shaped domain runs a charging station against a 2.0.1
 * CSMS, every message translated at this edge. {@link StationMessages} and {@link TransactionEvents} say what the
 * core's calls become, {@link CsmsCalls}, {@link ServiceCalls}, {@link CertificateCalls} and {@link LocalAuthCalls}
 * what the CSMS's calls become ({@link FirmwareCalls} and {@link ReservationCalls} both ways), {@link Variables} which
 * device-model variables are which configuration keys and {@link Reports} how the device model is reported. What a 1.6
 * call cannot ask (which transactions run, which have messages not yet delivered) the adapter asks through
 * {@link CentralSystem.Listener#onTransactionsAsked}.
 *
 * <p><b>Connection.</b> One {@link Ocpp201Link} at a time to the {@link CentralSystemAddress}'s endpoint (the CSMS's
 * URL and the station's identity, percent-encoded, as its last path segment, as part 4 has it), offering
 * {@code ocpp2.0.1} only; after a loss or a failed attempt the next one starts after 1, 2, 4 ... up to 60 seconds,
 * until {@link #disconnect()}. The {@link ConnectionSettings} apply security profiles 0 to 3 and the ping interval as
 * {@link Handshake} and {@link Ocpp201Link} say; settings that forbid connecting (profile 2 or 3 with a {@code ws://}
 * URL, unusable certificates) stop the attempts until {@link #reconfigure} brings others. A failed attempt's security
 * event reaches the core under the 1.6 name the port speaks ({@link SecurityFinding}). {@link #reconfigure} reconnects
 * at once when the key, the profile or, with profile 3, the client certificate changed, and retunes the ping of the
 * live connection; new trusted roots apply from the next handshake. A call of the station's that the CSMS leaves
 * unanswered for the message time-out ({@code OCPPCommCtrlr.MessageTimeout}, part 4) fails as a lost answer does, and
 * the next call goes.
 *
 * <p><b>Delivery.</b> As the port asks, the adapter keeps no queue: a call handed over while disconnected, or lost
 * with its connection, is dropped and the domain, which queues its transaction messages durably, times out and sends
 * again. A CALLERROR of the CSMS reaches the core under the 1.6 spelling of its code ({@link ErrorCode#toCore()}).
 *
 * <p><b>State.</b> What 2.0.1 needs that the core's messages do not carry is derived statelessly where it can be
 * (transaction ids), kept through the {@link Storage} port where it must survive a restart (the seqNo of a running
 * transaction, TxCtrlr's TxStartPoint and TxStopPoint), and kept in memory where losing it at a restart costs one
 * detail of one message (a remoteStartId, the type of a remote IdToken, a pending OnIdle reset) or nothing (the
 * charging state of a running transaction: the core ends those at a restart).
 */
public final class Ocpp201CentralSystem implements CentralSystem {

  private static final Logger LOG = LoggerFactory.getLogger(Ocpp201CentralSystem.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofSeconds(60);

  private final CentralSystemAddress address;
  private final Duration messageTimeout;
  private final Scheduler scheduler;
  private final TransactionEvents transactions;
  private final StationMessages station;
  private final CsmsCalls csmsCalls;
  private final ServiceCalls serviceCalls;
  private final LocalAuthCalls localAuthCalls;
  private final Reports reports;
  private final FirmwareCalls firmware;
  private final ConnectionSecurity security = new ConnectionSecurity();
  private final TrafficListener traffic;

  private Listener listener;
  private ConnectionSettings settings;
  /** Hears the current link; the links before it are closing and what they report is stale. */
  private LinkListener current;
  private boolean running;
  private boolean connected;
  private Ocpp201Link link;
  private Scheduler.Timer retry;
  private Duration nextRetry = FIRST_RETRY;
  private boolean resetWhenIdle;
  private long exchanges;
  /** The core's calls for the CSMS's calls in progress, by the call id the core answers. */
  private final Map<String, Pending> pending = new HashMap<>();

  /**
   * A station that will connect to {@code address}, with the message time-out {@link Handshake#MESSAGE_TIMEOUT}, unwatched.
   *
   * @param address the CSMS's URL and the station's identity
   * @param scheduler the core's event loop: everything the core hears arrives on it
   * @param storage the core's storage, where the adapter keeps running transactions' seqNo and its own variables (ocpp201/)
   */
  public Ocpp201CentralSystem(CentralSystemAddress address, Scheduler scheduler, Storage storage) {
    this(address, Handshake.MESSAGE_TIMEOUT, scheduler, storage, TrafficListener.NONE);
  }

  /**
   * A station that will connect to {@code address}, its frames seen by {@code traffic} (secret variables masked). The
   * core has no 1.6 key for the message time-out (its own response time-out is a setting of its builder), so the
   * time-out is given here.
   *
   * @param address the CSMS's URL and the station's identity
   * @param messageTimeout how long a call waits for its answer before it fails ({@code OCPPCommCtrlr.MessageTimeout})
   * @param scheduler the core's event loop: everything the core hears arrives on it
   * @param storage the core's storage, where the adapter keeps running transactions' seqNo and its own variables (ocpp201/)
   * @param traffic sees every text frame sent and received (a console, a trace), on the link's threads; it must be quick
   */
  public Ocpp201CentralSystem(CentralSystemAddress address, Duration messageTimeout, Scheduler scheduler,
      Storage storage, TrafficListener traffic) {
    this.traffic = Objects.requireNonNull(traffic, "traffic");
    this.address = Objects.requireNonNull(address, "address");
    this.messageTimeout = Objects.requireNonNull(messageTimeout, "messageTimeout");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    RemoteStarts remoteStarts = new RemoteStarts();
    this.transactions = new TransactionEvents(new SequenceNumbers(Objects.requireNonNull(storage, "storage")),
        remoteStarts, scheduler, this::resetIfIdle);
    this.station = new StationMessages(transactions, remoteStarts, scheduler);
    TxPoints txPoints = new TxPoints(storage);
    this.csmsCalls = new CsmsCalls(remoteStarts, station, this::resetOnceIdle, txPoints);
    this.serviceCalls = new ServiceCalls(station::knowsEvse);
    this.localAuthCalls = new LocalAuthCalls(() -> station.evseStatuses().keySet());
    this.reports = new Reports(scheduler, station::evseStatuses, txPoints, this::callOfTheStation);
    this.firmware = new FirmwareCalls(this::callOfTheStation);
  }

  /** A call of the station's own, not the core's, sent on the current link. */
  private <R extends Messages.Response> CompletableFuture<R> callOfTheStation(Messages.Request<R> request) {
    Ocpp201Link now = currentLink();
    return now == null ? CompletableFuture.failedFuture(new IllegalStateException("not connected")) : now.call(request);
  }

  @Override
  public synchronized void connect(ConnectionSettings settings, Listener listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    running = true;
    open();
  }

  @Override
  public synchronized void reconfigure(ConnectionSettings settings) {
    ConnectionSettings old = this.settings;
    this.settings = Objects.requireNonNull(settings, "settings");
    if (!running) {
      return;
    }
    if (!ConnectionSecurity.credentialsChanged(old, settings)) {
      if (link == null) {
        open(); // the old settings forbade connecting; these may not
      } else if (!old.pingInterval().equals(settings.pingInterval())) {
        link.pingEvery(ConnectionSecurity.pingSeconds(settings.pingInterval()));
      }
      return;
    }
    if (retry != null) {
      retry.cancel();
    }
    if (link != null) {
      link.close();
    }
    if (lost()) {
      // posted before the new link exists, so the core hears of the loss before of the new connection
      scheduler.execute(() -> listener.onDisconnected("reconnecting with new credentials"));
    }
    nextRetry = FIRST_RETRY;
    open();
  }

  @Override
  public synchronized void disconnect() {
    running = false;
    if (retry != null) {
      retry.cancel();
    }
    if (link != null) {
      link.close();
    }
  }

  @Override
  public void send(String callId, ChargePointRequest<?> request) {
    if (!isConnected()) {
      return;
    }
    Outbound outbound;
    try {
      outbound = firmware.translate(request).orElseGet(() -> station.translate(request));
    } catch (IllegalArgumentException e) {
      outbound = new Outbound.Refuse(new CallError(CallError.Code.INTERNAL_ERROR, e.getMessage()));
    }
    switch (outbound) {
      case Outbound.Send<?> send -> call(callId, send);
      case Outbound.Then then -> {
        call(callId, then.first());
        // the link sends calls one at a time in this order: the event goes once the core's call is answered
        currentLink().call(then.next()).whenComplete((answer, failure) -> {
          if (failure != null) {
            LOG.info("{} after {} got no answer ({})", Action.of(then.next()).wireName(), callId, failure.getMessage());
          }
        });
      }
      case Outbound.Answer answer -> scheduler.execute(() -> listener.onCallResult(callId, answer.response()));
      case Outbound.Refuse refuse -> scheduler.execute(() -> listener.onCallError(callId, refuse.error()));
    }
  }

  private <R extends Messages.Response> void call(String callId, Outbound.Send<R> send) {
    Ocpp201Link current = currentLink();
    // async on the loop: an answer that beat this line would otherwise run here, on the caller's thread, and
    // reach the core after what the answer's own hook (an idle reset) posts to the loop
    current.call(send.request()).whenCompleteAsync((answer, failure) -> {
      if (failure == null) {
        listener.onCallResult(callId, send.answer().apply(answer));
        return;
      }
      transactions.unanswered(send.request());
      if (current.subprotocol().isPresent() && failure instanceof RpcError.RpcException e) {
        listener.onCallError(callId, new CallError(e.error().code().toCore(), e.error().description()));
      } else {
        // lost with the connection, or unanswered for the message time-out: no answer either way
        LOG.info("{} got no answer ({}); the core times it out", callId, failure.getMessage());
      }
    }, scheduler::execute);
  }

  @Override
  public synchronized void reply(String callId, Response response) {
    Pending exchange = pending.remove(callId);
    if (exchange != null) {
      exchange.answered(callId, response);
    }
  }

  @Override
  public synchronized void replyError(String callId, CallError error) {
    Pending exchange = pending.remove(callId);
    if (exchange != null) {
      pending.values().removeIf(other -> other == exchange);
      exchange.refused(error);
    }
  }

  @Override
  public void reservationEnded(int reservationId, ReservationEnd end) {
    ReservationCalls.ended(this::callOfTheStation, reservationId, end);
  }

  private synchronized boolean isConnected() {
    return connected;
  }

  private synchronized Ocpp201Link currentLink() {
    return link;
  }

  private synchronized void open() {
    link = null;
    current = null;
    if (!running) {
      return;
    }
    Optional<Handshake> handshake = Handshake.of(address, settings, security, messageTimeout);
    if (handshake.isPresent()) {
      current = new LinkListener();
      link = Ocpp201Link.open(address.endpoint(), List.of(Subprotocol.OCPP201), handshake.get(), scheduler, current, traffic);
    }
  }

  /** The connection is gone: whether it was up, forgetting what lived on it. */
  private synchronized boolean lost() {
    boolean was = connected;
    connected = false;
    pending.clear();
    transactions.startsInFlight().lost();
    return was;
  }

  /** Hears the link, on the event loop. */
  private final class LinkListener implements Ocpp201Link.Listener {
    @Override
    public void connected(Subprotocol subprotocol) {
      if (subprotocol != Subprotocol.OCPP201) {
        return; // the link closes itself and reports it
      }
      synchronized (Ocpp201CentralSystem.this) {
        if (this != current) {
          return;
        }
        connected = true;
        nextRetry = FIRST_RETRY;
      }
      listener.onConnected();
    }

    @Override
    public void disconnected(String reason) {
      boolean was;
      synchronized (Ocpp201CentralSystem.this) {
        if (this != current) {
          return;
        }
        was = lost();
        if (running) {
          retry = scheduler.schedule(nextRetry, Ocpp201CentralSystem.this::open);
          nextRetry = nextRetry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : nextRetry.multipliedBy(2);
        }
      }
      if (was) {
        listener.onDisconnected(reason);
      }
    }

    /**
     * Under the 1.6 name, as the port has it; the 2.0.1 names (InvalidCsmsCertificate,
     * FailedToAuthenticateAtCsms) are given where the core's SecurityEventNotification goes out.
     */
    @Override
    public void securityEvent(SecurityFinding finding) {
      listener.onSecurityEvent(finding.type(), finding.techInfo());
    }

    @Override
    public void callReceived(IncomingCall<?> call) {
      // one hop more on the loop, as an answer to a call of ours takes (see call): the core then hears the CSMS
      // in the order of the wire, a RequestStopTransaction after the answer to the Started event before it
      scheduler.execute(() -> route(call));
    }

    private void route(IncomingCall<?> call) {
      Optional<Route> route = csmsCalls.translate(call.request()).<Route>map(Route.Now::new)
          .or(() -> serviceCalls.translate(call.request())).or(() -> reports.translate(call.request()))
          .or(() -> firmware.translate(call.request()))
          .or(() -> CertificateCalls.translate(call.request()))
          .or(() -> localAuthCalls.translate(call.request())).or(() -> ReservationCalls.translate(call.request()));
      if (route.isEmpty()) {
        call.refuse(new RpcError(ErrorCode.NOT_SUPPORTED, Action.of(call.request()).wireName() + " is not supported yet"));
        return;
      }
      switch (route.get()) {
        case Route.Now now -> transactions.startsInFlight().after(CsmsCalls.transactionNamed(call.request()),
            () -> exchange(call, now.exchange()));
        case Route.AfterTransactions after -> listener.onTransactionsAsked(
            unsettled -> exchange(call, after.exchange().apply(unsettled)));
        case Route.AfterAnswer after -> handOver(Pending.question(call, after,
            answer -> exchange(call, after.exchange().apply(answer))));
      }
    }
  }

  /** Hands the core the calls {@code exchange} takes, and answers {@code call} once the core answered them all. */
  private void exchange(IncomingCall<?> call, CsmsCalls.Exchange exchange) {
    handOver(new Pending(call, exchange));
  }

  private void handOver(Pending waiting) {
    List<CentralSystemRequest<?>> requests = waiting.requests();
    if (requests.isEmpty()) {
      waiting.complete();
      return;
    }
    List<String> ids = waiting.callIds(nextExchange());
    synchronized (this) {
      ids.forEach(id -> pending.put(id, waiting));
    }
    for (int i = 0; i < ids.size(); i++) {
      listener.onCall(ids.get(i), requests.get(i));
    }
  }

  private synchronized long nextExchange() {
    return ++exchanges;
  }

  /** An OnIdle reset arrived: waits if a transaction is open, and says whether it does. */
  private synchronized boolean resetOnceIdle() {
    resetWhenIdle = transactions.open();
    return resetWhenIdle;
  }

  /** An Ended event was answered: the reset that waited for it goes to the core now. */
  private void resetIfIdle() {
    boolean now;
    synchronized (this) {
      now = resetWhenIdle && !transactions.open();
      resetWhenIdle &= !now;
    }
    if (now) {
      // after the core has heard the answer to the StopTransaction this runs within
      String callId = "idle-reset-" + nextExchange();
      scheduler.execute(() -> listener.onCall(callId, new ResetRequest(ResetType.SOFT)));
    }
  }
}
