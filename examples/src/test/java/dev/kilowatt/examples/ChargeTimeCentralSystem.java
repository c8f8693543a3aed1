package dev.kilowatt.examples;

import eu.chargetime.ocpp.JSONConfiguration;
import eu.chargetime.ocpp.JSONServer;
import eu.chargetime.ocpp.ServerEvents;
import eu.chargetime.ocpp.feature.profile.ServerCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ServerCoreProfile;
import eu.chargetime.ocpp.feature.profile.ServerFirmwareManagementEventHandler;
import eu.chargetime.ocpp.feature.profile.ServerFirmwareManagementProfile;
import eu.chargetime.ocpp.feature.profile.ServerLocalAuthListProfile;
import eu.chargetime.ocpp.feature.profile.ServerReservationProfile;
import eu.chargetime.ocpp.feature.profile.ServerSmartChargingProfile;
import eu.chargetime.ocpp.model.Confirmation;
import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.SessionInformation;
import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AuthorizeConfirmation;
import eu.chargetime.ocpp.model.core.AuthorizeRequest;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.DataTransferConfirmation;
import eu.chargetime.ocpp.model.core.DataTransferRequest;
import eu.chargetime.ocpp.model.core.DataTransferStatus;
import eu.chargetime.ocpp.model.core.HeartbeatConfirmation;
import eu.chargetime.ocpp.model.core.HeartbeatRequest;
import eu.chargetime.ocpp.model.core.IdTagInfo;
import eu.chargetime.ocpp.model.core.MeterValuesConfirmation;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationConfirmation;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.firmware.DiagnosticsStatusNotificationConfirmation;
import eu.chargetime.ocpp.model.firmware.DiagnosticsStatusNotificationRequest;
import eu.chargetime.ocpp.model.firmware.FirmwareStatusNotificationConfirmation;
import eu.chargetime.ocpp.model.firmware.FirmwareStatusNotificationRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A central system we did not write: the ChargeTimeEU OCPP-J 1.6 server (Java-OCA-OCPP), on loopback. It
 * records every request a charge point makes, answers them the way a plain back office would (cards accepted
 * unless told otherwise, transaction ids counting up), and lets a test send calls and cut the connection.
 */
final class ChargeTimeCentralSystem implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(15);
  /** Transaction ids start here, so that a test never confuses them with connector or transaction numbers. */
  static final int FIRST_TRANSACTION_ID = 1001;

  /**
   * One request a charge point made and what it was answered.
   *
   * @param request the request, as ChargeTime decoded (and validated) it
   * @param answer the confirmation sent back
   */
  record Received(Request request, Confirmation answer) {}

  private final int port;
  private final List<Received> received = new ArrayList<>();
  private final Deque<RegistrationStatus> bootAnswers = new ArrayDeque<>();
  private final Map<String, AuthorizationStatus> cards = new ConcurrentHashMap<>();
  private final Map<String, String> parents = new ConcurrentHashMap<>();
  private final AtomicInteger nextTransactionId = new AtomicInteger(FIRST_TRANSACTION_ID);
  private volatile int heartbeatInterval = 300;
  private volatile Optional<String> credentials = Optional.empty();
  private JSONServer server;
  private Optional<UUID> session = Optional.empty();
  private int cursor;

  private ChargeTimeCentralSystem(int port) {
    this.port = port;
  }

  /** Starts the server on a free loopback port. */
  static ChargeTimeCentralSystem start() {
    ChargeTimeCentralSystem centralSystem = new ChargeTimeCentralSystem(freePort());
    centralSystem.goOnline();
    return centralSystem;
  }

  URI url() {
    return URI.create("ws://127.0.0.1:" + port);
  }

  /** The interval BootNotification.conf gives, in seconds. */
  void heartbeatInterval(int seconds) {
    heartbeatInterval = seconds;
  }

  /** Answers the next BootNotifications with these statuses, then Accepted again. */
  synchronized void answerBoots(RegistrationStatus... statuses) {
    bootAnswers.addAll(List.of(statuses));
  }

  /** Answers Authorize and StartTransaction for {@code idTag} with {@code status}. */
  void card(String idTag, AuthorizationStatus status) {
    cards.put(idTag, status);
  }

  /** Answers Authorize and StartTransaction for {@code idTag} with {@code parentIdTag} as its parent. */
  void parent(String idTag, String parentIdTag) {
    parents.put(idTag, parentIdTag);
  }

  /** The HTTP Basic credentials of the last connection, as "user:password". */
  Optional<String> credentials() {
    return credentials;
  }

  // ------------------------------------------------------------------ connection

  /** Opens the server (again, after {@link #goOffline()}), on the same port. */
  synchronized void goOnline() {
    JSONServer opened = new JSONServer(new ServerCoreProfile(new Handler()), JSONConfiguration.get()
        .setParameter(JSONConfiguration.REUSE_ADDR_PARAMETER, true)
        .setParameter(JSONConfiguration.TCP_NO_DELAY_PARAMETER, true));
    opened.addFeatureProfile(new ServerFirmwareManagementProfile(new FirmwareHandler()));
    // These profiles only add calls the central system makes; ChargeTime refuses to send an action no profile declares.
    opened.addFeatureProfile(new ServerLocalAuthListProfile());
    opened.addFeatureProfile(new ServerReservationProfile());
    opened.addFeatureProfile(new ServerSmartChargingProfile());
    opened.open("127.0.0.1", port, new Sessions());
    server = opened;
  }

  /** Closes the server and with it the charge point's connection: the charge point is offline until {@link #goOnline()}. */
  void goOffline() {
    close();
  }

  /** Waits until a charge point is connected, and returns its session. */
  synchronized UUID awaitSession() {
    awaitCondition(() -> session.isPresent(), "a charge point to connect");
    return session.orElseThrow();
  }

  /** Sends a call to the connected charge point and waits for its answer. */
  @SuppressWarnings("unchecked")
  <T extends Confirmation> T call(Request request) {
    UUID target = awaitSession();
    JSONServer to;
    synchronized (this) {
      to = server;
    }
    try {
      return (T) to.send(target, request).toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("the charge point did not answer " + request.getClass().getSimpleName() + ": " + e, e);
    }
  }

  // ------------------------------------------------------------------ what the charge point sent

  /**
   * Waits for the first request of {@code type} after the cursor that passes {@code test}, and moves the
   * cursor past it: successive calls check that requests arrive in that order.
   */
  synchronized <T extends Request> T next(Class<T> type, Predicate<? super T> test) {
    int index = awaitIndex(type, test, cursor);
    cursor = index + 1;
    return type.cast(received.get(index).request());
  }

  /** Like {@link #next(Class, Predicate)} for any request of {@code type}. */
  <T extends Request> T next(Class<T> type) {
    return next(type, r -> true);
  }

  /** Waits for the next StatusNotification of {@code connectorId} with {@code status}. */
  StatusNotificationRequest nextStatus(int connectorId, ChargePointStatus status) {
    return next(StatusNotificationRequest.class, s -> s.getConnectorId() == connectorId && s.getStatus() == status);
  }

  /** Waits for a request of {@code type} after the cursor that passes {@code test}, leaving the cursor. */
  synchronized <T extends Request> T seen(Class<T> type, Predicate<? super T> test) {
    return type.cast(received.get(awaitIndex(type, test, cursor)).request());
  }

  /** Every request of {@code type} so far, in order. */
  synchronized <T extends Request> List<T> all(Class<T> type) {
    return received.stream().map(Received::request).filter(type::isInstance).map(type::cast).toList();
  }

  /** The transaction id given in answer to {@code start}. */
  synchronized int transactionIdOf(StartTransactionRequest start) {
    return received.stream().filter(r -> r.request() == start)
        .map(r -> ((StartTransactionConfirmation) r.answer()).getTransactionId()).findFirst()
        .orElseThrow(() -> new AssertionError("no such StartTransaction"));
  }

  /** Moves the cursor past everything received so far. */
  synchronized void skipReceived() {
    cursor = received.size();
  }

  /** Stops the server; its threads call back into this object, so the monitor is not held meanwhile. */
  @Override
  public void close() {
    JSONServer closing;
    synchronized (this) {
      closing = server;
      server = null;
      session = Optional.empty();
    }
    if (closing != null) {
      closing.close();
    }
  }

  private <T extends Request> int awaitIndex(Class<T> type, Predicate<? super T> test, int from) {
    int[] found = {-1};
    awaitCondition(() -> {
      for (int i = from; i < received.size(); i++) {
        Request r = received.get(i).request();
        if (type.isInstance(r) && test.test(type.cast(r))) {
          found[0] = i;
          return true;
        }
      }
      return false;
    }, "a " + type.getSimpleName() + " as expected");
    return found[0];
  }

  /** Waits (holding this monitor, released while waiting) until {@code condition} holds or {@link #TIMEOUT} passes. */
  private void awaitCondition(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + what + " within " + TIMEOUT.toSeconds() + " s; received so far:\n" + describeReceived());
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }

  private String describeReceived() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < received.size(); i++) {
      text.append(i < cursor ? "  (seen) " : "         ").append(received.get(i).request()).append('\n');
    }
    return text.toString();
  }

  private synchronized <C extends Confirmation> C record(Request request, C answer) {
    received.add(new Received(request, answer));
    notifyAll();
    return answer;
  }

  private synchronized RegistrationStatus nextBootAnswer() {
    return bootAnswers.isEmpty() ? RegistrationStatus.Accepted : bootAnswers.poll();
  }

  private IdTagInfo idTagInfo(String idTag) {
    IdTagInfo info = new IdTagInfo(cards.getOrDefault(idTag, AuthorizationStatus.Accepted));
    info.setParentIdTag(parents.get(idTag));
    return info;
  }

  private static ZonedDateTime now() {
    return ZonedDateTime.now(ZoneOffset.UTC);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Sessions implements ServerEvents {
    @Override
    public void authenticateSession(SessionInformation information, String username, byte[] password) {
      credentials = Optional.ofNullable(username).map(user -> user + ":" + (password == null ? "" : new String(password, StandardCharsets.UTF_8)));
    }

    @Override
    public void newSession(UUID id, SessionInformation information) {
      synchronized (ChargeTimeCentralSystem.this) {
        session = Optional.of(id);
        ChargeTimeCentralSystem.this.notifyAll();
      }
    }

    @Override
    public void lostSession(UUID id) {
      synchronized (ChargeTimeCentralSystem.this) {
        if (session.filter(id::equals).isPresent()) {
          session = Optional.empty();
        }
      }
    }
  }

  private final class FirmwareHandler implements ServerFirmwareManagementEventHandler {
    @Override
    public DiagnosticsStatusNotificationConfirmation handleDiagnosticsStatusNotificationRequest(UUID session,
        DiagnosticsStatusNotificationRequest request) {
      return record(request, new DiagnosticsStatusNotificationConfirmation());
    }

    @Override
    public FirmwareStatusNotificationConfirmation handleFirmwareStatusNotificationRequest(UUID session,
        FirmwareStatusNotificationRequest request) {
      return record(request, new FirmwareStatusNotificationConfirmation());
    }
  }

  private final class Handler implements ServerCoreEventHandler {
    @Override
    public AuthorizeConfirmation handleAuthorizeRequest(UUID session, AuthorizeRequest request) {
      return record(request, new AuthorizeConfirmation(idTagInfo(request.getIdTag())));
    }

    @Override
    public BootNotificationConfirmation handleBootNotificationRequest(UUID session, BootNotificationRequest request) {
      RegistrationStatus status = nextBootAnswer();
      int interval = status == RegistrationStatus.Accepted ? heartbeatInterval : 1;
      return record(request, new BootNotificationConfirmation(now(), interval, status));
    }

    @Override
    public DataTransferConfirmation handleDataTransferRequest(UUID session, DataTransferRequest request) {
      return record(request, new DataTransferConfirmation(DataTransferStatus.Accepted));
    }

    @Override
    public HeartbeatConfirmation handleHeartbeatRequest(UUID session, HeartbeatRequest request) {
      return record(request, new HeartbeatConfirmation(now()));
    }

    @Override
    public MeterValuesConfirmation handleMeterValuesRequest(UUID session, MeterValuesRequest request) {
      return record(request, new MeterValuesConfirmation());
    }

    @Override
    public StartTransactionConfirmation handleStartTransactionRequest(UUID session, StartTransactionRequest request) {
      return record(request, new StartTransactionConfirmation(idTagInfo(request.getIdTag()), nextTransactionId.getAndIncrement()));
    }

    @Override
    public StatusNotificationConfirmation handleStatusNotificationRequest(UUID session, StatusNotificationRequest request) {
      return record(request, new StatusNotificationConfirmation());
    }

    @Override
    public StopTransactionConfirmation handleStopTransactionRequest(UUID session, StopTransactionRequest request) {
      return record(request, new StopTransactionConfirmation());
    }
  }
}
