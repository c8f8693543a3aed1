package dev.kilowatt.core.transaction;

import dev.kilowatt.core.ChargePointListener;
import dev.kilowatt.core.authorization.Authorization;
import dev.kilowatt.core.authorization.AuthorizationDecision;
import dev.kilowatt.core.availability.Availability;
import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.connector.Connector;
import dev.kilowatt.core.connector.Transaction;
import dev.kilowatt.core.message.ChargingProfile;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.RfidReader;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.reservation.Reservations;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The driver's side of a transaction: a card presented starts or stops one, an authorized start waits
 * ConnectionTimeOut for the EV, plugging in starts it and unplugging may stop it.
 */
public final class StartStop {

  private static final System.Logger LOG = System.getLogger(StartStop.class.getName());

  /**
   * The blocks a driver's start or stop asks.
   *
   * @param authorization decides on a presented card: local list, cache or Authorize.req
   * @param reservations turns away a card while its connectors are reserved for another id
   * @param availability takes the card reader's station faults
   * @param listener is told whether a presented card was accepted, e.g. for a light or a beep
   * @param resetting whether a reset is under way, when cards are ignored
   */
  public record Parts(Authorization authorization, Reservations reservations, Availability availability, ChargePointListener listener,
      BooleanSupplier resetting) {}

  private final Scheduler scheduler;
  private final Configuration config;
  private final List<Connector> connectors;
  private final Transactions transactions;
  private final Parts parts;

  /**
   * The driver's side over the given connectors.
   *
   * @param scheduler runs the ConnectionTimeOut of an authorized start waiting for the EV
   * @param config holds ConnectionTimeOut, StopTransactionOnEVSideDisconnect and UnlockConnectorOnEVSideDisconnect
   * @param connectors the connectors, connector 1 first
   * @param transactions starts and stops the transactions
   * @param parts the blocks a start or a stop asks
   */
  public StartStop(Scheduler scheduler, Configuration config, List<Connector> connectors, Transactions transactions, Parts parts) {
    this.scheduler = scheduler;
    this.config = config;
    this.connectors = connectors;
    this.transactions = transactions;
    this.parts = parts;
  }

  /**
   * The card reader's events, from its thread onto the event loop.
   *
   * @param loop the event loop
   * @return the listener to give the card reader
   */
  public RfidReader.Listener cardReaderListener(Executor loop) {
    return new RfidReader.Listener() {
      @Override
      public void onCardPresented(String idTag) {
        loop.execute(() -> cardPresented(idTag));
      }

      @Override
      public void onFault(HardwareFault fault) {
        loop.execute(() -> parts.availability().stationFault(fault));
      }

      @Override
      public void onFaultCleared(String source) {
        loop.execute(() -> parts.availability().stationFaultCleared(source));
      }
    };
  }

  private void cardPresented(String idTag) {
    if (parts.resetting().getAsBoolean()) {
      return;
    }
    Optional<Connector> running = connectors.stream()
        .filter(c -> c.transaction().filter(tx -> tx.idTag().equalsIgnoreCase(idTag)).isPresent()).findFirst();
    if (running.isPresent()) {
      parts.listener().onCardDecision(idTag, true);
      transactions.stop(running.get(), Reason.LOCAL, Optional.of(idTag));
      return;
    }
    Optional<Connector> pending = connectors.stream()
        .filter(c -> c.pendingStart().filter(p -> p.idTag().equalsIgnoreCase(idTag)).isPresent()).findFirst();
    if (pending.isPresent()) {
      cancelPendingStart(pending.get());
      return;
    }
    if (parts.reservations().turnAway(connectors, idTag)) {
      // Section 5.13: the free connectors are reserved for others; no need to ask the central system.
      LOG.log(Level.INFO, "card {0} refused: the free connectors are reserved", idTag);
      parts.listener().onCardDecision(idTag, false);
      return;
    }
    if (connectors.stream().allMatch(c -> c.transaction().isPresent() && c.transaction().get().parentIdTag().isEmpty())) {
      // Nothing to start, and only the cards that started them stop these transactions: an Authorize.req
      // could change nothing, and the OCA test TC_068 expects none.
      LOG.log(Level.INFO, "card {0} refused: every connector is busy with another card''s transaction", idTag);
      parts.listener().onCardDecision(idTag, false);
      return;
    }
    parts.authorization().authorize(idTag, info -> decided(idTag, info));
  }

  private void decided(String idTag, AuthorizationDecision info) {
    boolean accepted = info.accepted();
    Optional<Connector> sameGroup = info.parentIdTag().flatMap(parent -> connectors.stream()
        .filter(c -> c.transaction().flatMap(Transaction::parentIdTag).filter(parent::equalsIgnoreCase).isPresent()).findFirst());
    if (sameGroup.isPresent()) {
      parts.listener().onCardDecision(idTag, true);
      transactions.stop(sameGroup.get(), Reason.LOCAL, Optional.of(idTag));
      return;
    }
    parts.listener().onCardDecision(idTag, accepted);
    if (accepted) {
      parts.reservations().choose(connectors, Optional.empty(), Reservations.Driver.known(idTag, info.parentIdTag()))
          .ifPresentOrElse(start -> prepareStart(start.connector(), idTag, info, start.reservationId(), Optional.empty()),
              () -> LOG.log(Level.INFO, "card {0} accepted, but no connector is free for it", idTag));
    }
  }

  /** Starts now if the EV is plugged in, else waits ConnectionTimeOut for it. */
  void prepareStart(Connector c, String idTag, AuthorizationDecision info, Optional<Integer> reservationId,
      Optional<ChargingProfile> txProfile) {
    if (c.pilot().evConnected()) {
      transactions.start(c, idTag, info, reservationId, txProfile);
      return;
    }
    Scheduler.Timer timeout = scheduler.schedule(Duration.ofSeconds(config.integer(CoreKeys.CONNECTION_TIME_OUT)), () -> {
      LOG.log(Level.INFO, "connector {0}: no EV plugged in within ConnectionTimeOut, authorization dropped", c.id());
      c.dropPendingStart();
      parts.availability().refresh(c);
    });
    c.awaitEv(new Connector.PendingStart(idTag, info, reservationId, txProfile, timeout));
    parts.availability().refresh(c);
  }

  void cancelPendingStart(Connector c) {
    c.dropPendingStart();
    parts.availability().refresh(c);
  }

  void pilotChanged(Connector c, PilotState state) {
    if (state == PilotState.E || state == PilotState.F) {
      // A disabled or shorted pilot hides the EV: keep what we knew until the pilot reads a real state again.
      LOG.log(Level.DEBUG, "connector {0}: pilot reads {1}", c.id(), state);
      return;
    }
    PilotState before = c.pilotReads(state);
    if (!before.evConnected() && state.evConnected()) {
      if (c.operative()) {
        // An unavailable socket must not keep a plug that cannot charge.
        c.holdPlug(true);
      }
      c.dropPendingStart().ifPresent(p -> transactions.start(c, p.idTag(), p.info(), p.reservationId(), p.txProfile()));
    } else if (before.evConnected() && !state.evConnected()) {
      if (c.transaction().isPresent() && config.bool(CoreKeys.STOP_TRANSACTION_ON_EV_SIDE_DISCONNECT)) {
        transactions.stop(c, Reason.EV_DISCONNECTED, Optional.empty());
      }
      // The pilot cannot tell which end was pulled: a socket's plug may still sit in it, kept or freed as the key says.
      if (config.bool(CoreKeys.UNLOCK_CONNECTOR_ON_EV_SIDE_DISCONNECT)) {
        c.holdPlug(false);
      }
    }
    parts.availability().refresh(c);
  }
}
