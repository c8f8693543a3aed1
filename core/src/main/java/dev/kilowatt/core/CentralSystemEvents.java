package dev.kilowatt.core;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.InstalledChargingProfile;
import dev.kilowatt.core.smartcharging.SmartCharging;
import dev.kilowatt.core.provisioning.Session;
import dev.kilowatt.core.port.UnsettledTransaction;
import dev.kilowatt.core.security.Security;
import dev.kilowatt.core.transaction.Transactions;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** What the link to the central system reports, from its thread onto the event loop and to the block it concerns. */
final class CentralSystemEvents implements CentralSystem.Listener {

  private static final System.Logger LOG = System.getLogger(CentralSystemEvents.class.getName());

  private final Executor loop;
  private final Session session;
  private final Security security;
  private final Outbox outbox;
  private final CallRouter router;
  private final Transactions transactions;
  private final SmartCharging smartCharging;

  CentralSystemEvents(Executor loop, Session session, Security security, Outbox outbox, CallRouter router, Transactions transactions,
      SmartCharging smartCharging) {
    this.loop = loop;
    this.session = session;
    this.security = security;
    this.outbox = outbox;
    this.router = router;
    this.transactions = transactions;
    this.smartCharging = smartCharging;
  }

  @Override
  public void onConnected() {
    loop.execute(() -> {
      security.connected();
      session.connected();
    });
  }

  @Override
  public void onDisconnected(String reason) {
    loop.execute(() -> {
      LOG.log(Level.INFO, "connection to the central system lost: {0}", reason);
      session.disconnected();
      security.disconnected();
    });
  }

  @Override
  public void onSecurityEvent(String type, String techInfo) {
    loop.execute(() -> security.events().reported(type, techInfo));
  }

  @Override
  public void onCallResult(String callId, Response response) {
    loop.execute(() -> outbox.onResult(callId, response));
  }

  @Override
  public void onCallError(String callId, CallError error) {
    loop.execute(() -> outbox.onError(callId, error));
  }

  @Override
  public void onCall(String callId, CentralSystemRequest<?> request) {
    loop.execute(() -> router.handle(callId, request));
  }

  @Override
  public void onTransactionsAsked(Consumer<List<UnsettledTransaction>> answer) {
    loop.execute(() -> answer.accept(transactions.unsettled()));
  }

  @Override
  public void onChargingProfilesAsked(Consumer<List<InstalledChargingProfile>> answer) {
    loop.execute(() -> answer.accept(smartCharging.installed()));
  }
}
