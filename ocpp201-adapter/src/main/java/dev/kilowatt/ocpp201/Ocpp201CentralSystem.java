package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CallOrigin;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.ReservationEnd;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.storage.WriteBehind;
import dev.kilowatt.ocpp.CentralSystemAddress;
import dev.kilowatt.ocpp.ConnectionSecurity;
import dev.kilowatt.ocpp.SecurityFinding;
import dev.kilowatt.ocpp.TrafficListener;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link CentralSystem} port over OCPP 2.0.1, every message translated at this edge: {@link StationMessages}
 * and {@link TransactionEvents} translate the core's calls; {@link CsmsRoutes} hands each CSMS call to the part that
 * translates it ({@link CsmsCalls}, {@link Resets}, {@link ServiceCalls}, {@link Reports}, {@link FirmwareCalls},
 * {@link CertificateCalls}, {@link LocalAuthCalls},
 * {@link SmartChargingCalls}, {@link ReservationCalls}, the last also the other way); {@link Variables} maps device-model variables onto configuration
 * keys. What a 1.6 call cannot ask (which transactions run, which profiles are
 * installed) goes to {@link CentralSystem.Listener#onTransactionsAsked} and {@link CentralSystem.Listener#onChargingProfilesAsked}.
 *
 * <p><b>Connection.</b> One {@link Ocpp201Link} at a time to the {@link CentralSystemAddress}'s endpoint, offering
 * {@code ocpp2.0.1} (and {@code ocpp1.6} after it for a charger that speaks both, {@link #whenCsmsChooses16}), again
 * after the OCPPCommCtrlr back-off ({@link ReconnectBackOff}) until {@link #disconnect()}; the {@link ConnectionSettings}
 * apply security profiles 0 to 3 and the ping as {@link Handshake} says, and {@link #reconfigure} reconnects when the
 * credentials changed. A call the CSMS leaves unanswered for the message time-out fails as a lost answer does. The
 * "Connection" section of docs/ocpp201.md gives the rules in full.
 *
 * <p><b>Delivery.</b> As the port asks, the adapter keeps no queue: a call handed over while disconnected, or lost
 * with its connection, is dropped and the domain, which queues its transaction messages durably, times out and sends
 * again. A CALLERROR of the CSMS reaches the core under the 1.6 spelling of its code ({@link ErrorCode#toCore()}).
 *
 * <p><b>State.</b> What 2.0.1 needs beyond the core's messages is derived where it can be (transaction ids), kept
 * through the {@link Storage} port, written off the loop, where it must survive a restart (seqNo, TxCtrlr's points,
 * {@link RemoteStarts}, {@link Resets}), and in memory where a restart loses nothing (a transaction's charging state).
 */
public final class Ocpp201CentralSystem implements CentralSystem {

  private static final Logger LOG = LoggerFactory.getLogger(Ocpp201CentralSystem.class);

  private final CentralSystemAddress address;
  private final Duration messageTimeout;
  private final Scheduler scheduler;
  private final TransactionEvents transactions;
  private final HeldSends held;
  private final StationMessages station;
  private final CsmsRoutes routes;
  private final StoredVariables storedVariables;
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
  /** The attempts that failed since the last connection, for the back-off ({@link ReconnectBackOff}). */
  private int failedAttempts;
  private Optional<Runnable> chose16 = Optional.empty(); // see whenCsmsChooses16; none: ocpp2.0.1 alone is offered
  private final CoreExchanges exchanges = new CoreExchanges();

  /**
   * A station that will connect to {@code address}, with the message time-out {@link Handshake#MESSAGE_TIMEOUT}, unwatched.
   *
   * @param address the CSMS's URL and the station's identity
   * @param scheduler the core's event loop: everything the core hears arrives on it
   * @param storage the core's storage, where the adapter keeps what must survive a restart under {@code ocpp201/}
   */
  public Ocpp201CentralSystem(CentralSystemAddress address, Scheduler scheduler, Storage storage) {
    this(address, Handshake.MESSAGE_TIMEOUT, scheduler, storage, TrafficListener.NONE);
  }

  /**
   * A station that will connect to {@code address}, its frames seen by {@code traffic} (secret variables masked). The
   * core has no 1.6 key for the message time-out (its own response time-out is a setting of its builder), and part 2
   * makes {@code OCPPCommCtrlr.MessageTimeout} ReadOnly (a network connection profile's), so the time-out is given
   * here and the variable reports it.
   *
   * @param address the CSMS's URL and the station's identity
   * @param messageTimeout how long a call waits for its answer before it fails ({@code OCPPCommCtrlr.MessageTimeout})
   * @param scheduler the core's event loop: everything the core hears arrives on it
   * @param storage the core's storage, where the adapter keeps what must survive a restart under {@code ocpp201/}
   * @param traffic sees every text frame sent and received (a console, a trace), on the link's threads; it must be quick
   */
  public Ocpp201CentralSystem(CentralSystemAddress address, Duration messageTimeout, Scheduler scheduler,
      Storage storage, TrafficListener traffic) {
    this(address, messageTimeout, scheduler, storage, traffic, WriteBehind.VIRTUAL_THREADS);
  }

  /** As the public ones; the adapter's one write-behind writes {@code storage} on {@code writer}, off the loop. */
  Ocpp201CentralSystem(CentralSystemAddress address, Duration messageTimeout, Scheduler scheduler, Storage storage,
      TrafficListener traffic, Executor writer) {
    this.traffic = Objects.requireNonNull(traffic, "traffic");
    this.address = Objects.requireNonNull(address, "address");
    this.messageTimeout = Objects.requireNonNull(messageTimeout, "messageTimeout");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    Storage offTheLoop = new WriteBehind(Objects.requireNonNull(storage, "storage"), writer, scheduler, HeldSends.FAULTS);
    this.held = new HeldSends(offTheLoop, this::isConnected);
    RemoteStarts remoteStarts = new RemoteStarts(offTheLoop);
    Resets resets = new Resets(offTheLoop, held.sequenceNumbers(), this::evseStatus, this::stationCall);
    this.transactions = new TransactionEvents(held.sequenceNumbers(), remoteStarts, scheduler, resets);
    this.station = new StationMessages(transactions, remoteStarts, scheduler);
    this.storedVariables = new StoredVariables(offTheLoop);
    DeviceVariables variables = new DeviceVariables(address.chargePointId(), messageTimeout, scheduler, storedVariables,
        new TxPoints(offTheLoop));
    this.firmware = new FirmwareCalls(this::callOfTheStation);
    this.routes = new CsmsRoutes(new CsmsCalls(remoteStarts, station, variables), resets,
        new ServiceCalls(station::knowsEvse),
        new Reports(scheduler, variables, station::stationStatus, station::evseStatuses, this::callOfTheStation),
        firmware, new LocalAuthCalls(() -> station.evseStatuses().keySet()),
        new SmartChargingCalls(scheduler, this::callOfTheStation));
  }

  /** A call of the station's own, not the core's, sent on the current link. */
  private <R extends Messages.Response> CompletableFuture<R> callOfTheStation(Messages.Request<R> request) {
    Ocpp201Link now = currentLink();
    return now == null ? CompletableFuture.failedFuture(new IllegalStateException("not connected")) : now.call(request);
  }

  /**
   * Before {@link #connect}: offers {@code ocpp1.6} after {@code ocpp2.0.1}, for a charger that speaks both; if the
   * CSMS chooses ocpp1.6, this adapter stops connecting (the core hears nothing of it) and {@code chosen} runs on the loop.
   *
   * @param chosen what runs once the CSMS has chosen ocpp1.6, for the wiring to connect its 1.6 adapter instead
   */
  public synchronized void whenCsmsChooses16(Runnable chosen) {
    this.chose16 = Optional.of(Objects.requireNonNull(chosen, "chosen"));
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
    // the CSMS's calls in progress (a SetVariables of the BasicAuthPassword) are answered on the old connection first
    exchanges.whenIdle(this::reconnect);
  }

  private synchronized void reconnect() {
    if (!running) {
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
    failedAttempts = 0;
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
    send(callId, request, CallOrigin.ONLINE);
  }

  /** As the port has it; a transaction message the core made offline goes as a TransactionEvent with offline true. */
  @Override
  public void send(String callId, ChargePointRequest<?> request, CallOrigin origin) {
    held.send(() -> firmware.translate(request).orElseGet(() -> station.translate(request, origin)),
        outbound -> dispatch(callId, outbound), transactions::unanswered);
  }

  private void dispatch(String callId, Outbound outbound) {
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
  public void reply(String callId, Response response) {
    exchanges.answered(callId, response);
  }

  @Override
  public void replyError(String callId, CallError error) {
    exchanges.refused(callId, error);
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
      List<Subprotocol> offered = chose16.isPresent() ? List.of(Subprotocol.OCPP201, Subprotocol.OCPP16)
          : List.of(Subprotocol.OCPP201);
      link = Ocpp201Link.open(address.endpoint(), offered, handshake.get(), scheduler, current, traffic);
    }
  }

  /** The connection is gone: whether it was up, forgetting what lived on it. */
  private synchronized boolean lost() {
    boolean was = connected;
    connected = false;
    exchanges.lost();
    transactions.startsInFlight().lost();
    return was;
  }

  /** Hears the link, on the event loop. */
  private final class LinkListener implements Ocpp201Link.Listener {
    @Override
    public void connected(Subprotocol subprotocol) {
      if (subprotocol != Subprotocol.OCPP201) {
        // the link closes itself and reports it; ocpp1.6 is offered only with somewhere to hand it: attempts stop
        Optional<Runnable> handOver;
        synchronized (Ocpp201CentralSystem.this) {
          handOver = this == current ? chose16 : Optional.empty();
          running &= handOver.isEmpty();
        }
        handOver.ifPresent(Runnable::run);
        return;
      }
      synchronized (Ocpp201CentralSystem.this) {
        if (this != current) {
          return;
        }
        connected = true;
        failedAttempts = 0;
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
          retry = scheduler.schedule(ReconnectBackOff.before(storedVariables, failedAttempts++),
              Ocpp201CentralSystem.this::open);
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
      Optional<Route> route = routes.of(call.request());
      if (route.isEmpty()) {
        call.refuse(new RpcError(ErrorCode.NOT_SUPPORTED, Action.of(call.request()).wireName() + " is not supported yet"));
        return;
      }
      Optional<RpcError> tooLarge = DeviceVariables.tooLarge(call.request(), call.frameBytes());
      if (tooLarge.isPresent()) {
        call.refuse(tooLarge.get());
        return;
      }
      switch (route.get()) {
        case Route.Now now -> transactions.startsInFlight().after(CsmsCalls.transactionNamed(call.request()),
            () -> exchange(call, now.exchange()));
        case Route.AfterTransactions after -> transactions.startsInFlight().afterAll(() -> listener.onTransactionsAsked(
            unsettled -> exchange(call, after.exchange().apply(unsettled))));
        case Route.AfterProfiles after -> listener.onChargingProfilesAsked(
            installed -> exchange(call, after.exchange().apply(installed)));
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
    exchanges.handOver(waiting, listener);
  }

  private Optional<Enums.ConnectorStatus> evseStatus(int evseId) {
    return Optional.ofNullable(station.evseStatuses().get(evseId));
  }

  /** A call of the station's own to the core (a reset that waited), once the core has heard the answer this runs within. */
  private void stationCall(CentralSystemRequest<?> request) {
    String callId = "station-" + exchanges.next();
    scheduler.execute(() -> listener.onCall(callId, request));
  }
}
