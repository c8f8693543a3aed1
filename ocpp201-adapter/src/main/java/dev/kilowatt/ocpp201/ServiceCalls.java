package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.MessageTrigger;
import dev.kilowatt.core.message.TriggerMessageRequest;
import dev.kilowatt.core.message.TriggerMessageResponse;
import dev.kilowatt.core.message.TriggerMessageStatus;
import dev.kilowatt.core.message.UnlockStatus;
import dev.kilowatt.core.port.UnsettledTransaction;
import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import dev.kilowatt.ocpp201.ServiceMessages.DataTransferRequest;
import dev.kilowatt.ocpp201.ServiceMessages.DataTransferResponse;
import dev.kilowatt.ocpp201.ServiceMessages.GetTransactionStatusRequest;
import dev.kilowatt.ocpp201.ServiceMessages.GetTransactionStatusResponse;
import dev.kilowatt.ocpp201.ServiceMessages.UnlockConnectorRequest;
import dev.kilowatt.ocpp201.ServiceMessages.UnlockConnectorResponse;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The CSMS's calls of the services around charging (see {@link ServiceMessages}) as the core's calls.
 *
 * <table>
 *   <caption>what each call of the CSMS becomes</caption>
 *   <tr><th>OCPP 2.0.1</th><th>core (1.6 shape)</th></tr>
 *   <tr><td>UnlockConnector</td><td>a connector other than 1, or an EVSE whose status the core never reported:
 *       UnknownConnector (F05.FR.03); a transaction running on the EVSE: OngoingAuthorizedTransaction, without
 *       the core (F05.FR.02: the core's 1.6 unlock would end the transaction first); else UnlockConnector of
 *       connector evseId, Unlocked or UnlockFailed as the core says, and UnlockFailed where the core has no lock
 *       to open (a fixed cable: 2.0.1 has no NotSupported)</td></tr>
 *   <tr><td>DataTransfer</td><td>DataTransfer to the core's handler of the vendorId, the data as JSON text
 *       ({@link VendorData})</td></tr>
 *   <tr><td>GetTransactionStatus</td><td>answered from the core's unsettled transactions (E14)</td></tr>
 *   <tr><td>TriggerMessage TransactionEvent</td><td>TriggerMessage MeterValues of each connector whose transaction
 *       runs (of evse.id only, if given): the core's sample carries the transaction, and so goes as a TransactionEvent
 *       Updated with triggerReason Trigger; Rejected, without the core, where none runs (F06)</td></tr>
 * </table>
 *
 * <p>A reasonCode of 2.0.1's StatusInfo is free text; the ones given here name the reason in a word.
 */
final class ServiceCalls {

  /** The reference device has one connector per EVSE, and so connector 1 of EVSE n is the core's connector n. */
  private static final int CONNECTOR = 1;

  private final IntPredicate knownEvse;

  /** {@code knownEvse} says whether the core has reported the status of an EVSE, which it does for each of its own. */
  ServiceCalls(IntPredicate knownEvse) {
    this.knownEvse = knownEvse;
  }

  /** The route for {@code request}, or empty for a call that is not one of these services. */
  Optional<Route> translate(Messages.Request<?> request) {
    return Optional.ofNullable(switch (request) {
      case UnlockConnectorRequest unlock -> unlock(unlock);
      case DataTransferRequest transfer -> new Route.Now(Exchange.one(
          new dev.kilowatt.core.message.DataTransferRequest(transfer.vendorId(), transfer.messageId(),
              VendorData.text(transfer.data())),
          (dev.kilowatt.core.message.DataTransferResponse answer) -> new DataTransferResponse(
              VendorData.status(answer.status()), Optional.empty(), VendorData.json(answer.data()))));
      case GetTransactionStatusRequest status -> new Route.AfterTransactions(
          unsettled -> Exchange.local(transactionStatus(status.transactionId(), unsettled)));
      case Messages.TriggerMessageRequest trigger when trigger.requestedMessage() == Enums.MessageTrigger.TransactionEvent ->
          new Route.AfterTransactions(unsettled -> transactionEvent(trigger.evse(), unsettled));
      default -> null;
    });
  }

  private Route unlock(UnlockConnectorRequest unlock) {
    if (unlock.connectorId() != CONNECTOR || !knownEvse.test(unlock.evseId())) {
      return new Route.Now(Exchange.local(new UnlockConnectorResponse(Enums.UnlockStatus.UnknownConnector,
          Optional.of(new StatusInfo("UnknownConnector", Optional.of("EVSE " + unlock.evseId() + " connector "
              + unlock.connectorId() + " is not on this station"))))));
    }
    return new Route.AfterTransactions(unsettled -> unsettled.stream()
        .anyMatch(t -> t.running() && t.connectorId() == unlock.evseId())
        ? Exchange.local(new UnlockConnectorResponse(Enums.UnlockStatus.OngoingAuthorizedTransaction,
            Optional.of(new StatusInfo("TxInProgress", Optional.empty()))))
        : Exchange.one(new dev.kilowatt.core.message.UnlockConnectorRequest(unlock.evseId()),
            (dev.kilowatt.core.message.UnlockConnectorResponse answer) -> unlocked(answer.status())));
  }

  /** One trigger of the core's MeterValues per running transaction on {@code evse}, or on any EVSE without one. */
  private static Exchange transactionEvent(Optional<Types.Evse> evse, List<UnsettledTransaction> unsettled) {
    List<CentralSystemRequest<?>> triggers = unsettled.stream()
        .filter(t -> t.running() && evse.map(e -> e.id() == t.connectorId()).orElse(true))
        .map(UnsettledTransaction::connectorId).distinct()
        .<CentralSystemRequest<?>>map(c -> new TriggerMessageRequest(MessageTrigger.METER_VALUES, Optional.of(c)))
        .toList();
    if (triggers.isEmpty()) {
      return Exchange.local(new Messages.TriggerMessageResponse(Enums.TriggerMessageStatus.Rejected,
          Optional.of(new StatusInfo("NoTransaction", Optional.of("no transaction runs there")))));
    }
    return new Exchange(triggers, answers -> new Messages.TriggerMessageResponse(answers.stream()
        .anyMatch(a -> ((TriggerMessageResponse) a).status() == TriggerMessageStatus.ACCEPTED)
        ? Enums.TriggerMessageStatus.Accepted : Enums.TriggerMessageStatus.Rejected, Optional.empty()));
  }

  private static UnlockConnectorResponse unlocked(UnlockStatus status) {
    return switch (status) {
      case UNLOCKED -> new UnlockConnectorResponse(Enums.UnlockStatus.Unlocked, Optional.empty());
      case UNLOCK_FAILED -> new UnlockConnectorResponse(Enums.UnlockStatus.UnlockFailed, Optional.empty());
      case NOT_SUPPORTED -> new UnlockConnectorResponse(Enums.UnlockStatus.UnlockFailed,
          Optional.of(new StatusInfo("NoLock", Optional.of("the connector has no lock to open, e.g. a fixed cable"))));
    };
  }

  /**
   * E14: a transaction named is ongoing if the core runs it (E14.FR.02, FR.03; one the core does not hold,
   * ended and delivered or never made, is not, FR.01) and has messages in queue if one of its messages is not
   * answered yet (FR.04, FR.05); without a name there is no ongoingIndicator (FR.06) and the queue is that of
   * every transaction (FR.07, FR.08).
   */
  static GetTransactionStatusResponse transactionStatus(Optional<String> transactionId,
      List<UnsettledTransaction> unsettled) {
    if (transactionId.isEmpty()) {
      return new GetTransactionStatusResponse(Optional.empty(), unsettled.stream().anyMatch(UnsettledTransaction::messagesWaiting));
    }
    Optional<UnsettledTransaction> named = unsettled.stream()
        .filter(t -> TransactionIds.names(transactionId.get(), t.connectorId(), t.started())).findFirst();
    return new GetTransactionStatusResponse(Optional.of(named.map(UnsettledTransaction::running).orElse(false)),
        named.map(UnsettledTransaction::messagesWaiting).orElse(false));
  }
}
