package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.BootNotificationResponse;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.ChargePointStatus;
import dev.kilowatt.core.message.HeartbeatResponse;
import dev.kilowatt.core.message.MeterValuesResponse;
import dev.kilowatt.core.message.RegistrationStatus;
import dev.kilowatt.core.message.SecurityEventNotificationResponse;
import dev.kilowatt.core.message.StatusNotificationResponse;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CallOrigin;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.ocpp201.Enums.BootReason;
import dev.kilowatt.ocpp201.Enums.ConnectorStatus;
import dev.kilowatt.ocpp201.Types.ChargingStation;
import dev.kilowatt.ocpp201.Types.Modem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The core's calls as OCPP 2.0.1 calls, and their 2.0.1 answers as the core's answers: the translation
 * at the edge, one 1.6-shaped call in, at most one 2.0.1 call out.
 *
 * <table>
 *   <caption>what each of the core's calls becomes</caption>
 *   <tr><th>core (1.6 shape)</th><th>OCPP 2.0.1</th></tr>
 *   <tr><td>BootNotification</td><td>BootNotification: vendor, model, serial number (the charge box's, else
 *       the charge point's), firmware, modem; reason Triggered after a TriggerMessage asked, else the core's: PowerUp,
 *       RemoteReset after a Reset, FirmwareUpdate after an installation's reboot (B01.FR.09)</td></tr>
 *   <tr><td>Heartbeat</td><td>Heartbeat</td></tr>
 *   <tr><td>StatusNotification of connector n</td><td>StatusNotification of EVSE n, connector 1 (the
 *       reference device has one connector per EVSE), status as part 2 G01 reads 1.6's: Preparing,
 *       Charging, SuspendedEV, SuspendedEVSE and Finishing are Occupied; the 1.6 error code is not carried
 *       (2.0.1 reports faults as NotifyEvent, block N); followed by a TransactionEvent Updated when it changes the
 *       charging state of the transaction running there ({@link ChargingStates})</td></tr>
 *   <tr><td>StatusNotification of connector 0</td><td>nothing: 2.0.1 reports connectors only; answered at once, and kept
 *       for the device model's ChargingStation component</td></tr>
 *   <tr><td>Authorize</td><td>Authorize, the idTag as an IdToken of type ISO14443 (or the type a
 *       RequestStartTransaction gave it)</td></tr>
 *   <tr><td>StartTransaction, StopTransaction, MeterValues of a transaction</td><td>TransactionEvent,
 *       see {@link TransactionEvents}</td></tr>
 *   <tr><td>MeterValues without a transaction</td><td>MeterValues of EVSE n (n = the connector)</td></tr>
 *   <tr><td>DataTransfer</td><td>DataTransfer, the core's text as the JSON value it spells ({@link VendorData})</td></tr>
 *   <tr><td>SecurityEventNotification</td><td>SecurityEventNotification, the type in 2.0.1's words
 *       ({@link SecurityEventTypes})</td></tr>
 *   <tr><td>SignCertificate</td><td>SignCertificate of certificateType ChargingStationCertificate
 *       ({@link CertificateCalls})</td></tr>
 *   <tr><td>anything else</td><td>not carried yet: CALLERROR NotSupported to the core</td></tr>
 * </table>
 */
final class StationMessages {

  private final TransactionEvents transactions;
  private final RemoteStarts remoteStarts;
  private final Scheduler clock;
  private final AtomicBoolean bootTriggered = new AtomicBoolean();
  /** The status the core last reported of each EVSE: its connectors, each of which it reports after every boot. */
  private final Map<Integer, ConnectorStatus> evses = new ConcurrentHashMap<>();
  /** The status the core last reported of connector 0, the station as a whole, read as G01 reads it. */
  private final AtomicReference<ConnectorStatus> station = new AtomicReference<>();

  StationMessages(TransactionEvents transactions, RemoteStarts remoteStarts, Scheduler clock) {
    this.transactions = transactions;
    this.remoteStarts = remoteStarts;
    this.clock = clock;
  }

  /** {@return whether the core has reported the status of EVSE {@code evseId}, so that it has such a connector} */
  boolean knowsEvse(int evseId) {
    return evses.containsKey(evseId);
  }

  /** {@return the status the core last reported of each EVSE, by its id} */
  Map<Integer, ConnectorStatus> evseStatuses() {
    return Map.copyOf(evses);
  }

  /** {@return the status the core last reported of connector 0, the station as a whole, if it did} */
  Optional<ConnectorStatus> stationStatus() {
    return Optional.ofNullable(station.get());
  }

  /** A TriggerMessage asked for a BootNotification: the next one gives reason Triggered. */
  void bootTriggered() {
    bootTriggered.set(true);
  }

  /** {@code origin} says whether the core made a transaction message while the CSMS could not be reached. */
  Outbound translate(ChargePointRequest<?> request, CallOrigin origin) {
    return switch (request) {
      case dev.kilowatt.core.message.BootNotificationRequest boot -> new Outbound.Send<>(
          new Messages.BootNotificationRequest(new ChargingStation(
              boot.chargeBoxSerialNumber().or(boot::chargePointSerialNumber), boot.chargePointModel(),
              boot.iccid().isPresent() || boot.imsi().isPresent()
                  ? Optional.of(new Modem(boot.iccid(), boot.imsi())) : Optional.empty(),
              boot.chargePointVendor(), boot.firmwareVersion()),
              bootTriggered.getAndSet(false) ? BootReason.Triggered : bootReason(boot.reason())),
          answer -> new BootNotificationResponse(registration(answer.status()), answer.currentTime(), answer.interval()));
      case dev.kilowatt.core.message.HeartbeatRequest heartbeat -> new Outbound.Send<>(
          new Messages.HeartbeatRequest(), answer -> new HeartbeatResponse(answer.currentTime()));
      case dev.kilowatt.core.message.StatusNotificationRequest status -> status(status);
      case dev.kilowatt.core.message.AuthorizeRequest authorize -> new Outbound.Send<>(
          new Messages.AuthorizeRequest(remoteStarts.token(authorize.idTag()), Optional.empty()),
          answer -> new AuthorizeResponse(Verdicts.idTagInfo(answer.idTokenInfo())));
      case dev.kilowatt.core.message.StartTransactionRequest start -> transactions.started(start, origin);
      case dev.kilowatt.core.message.StopTransactionRequest stop -> transactions.ended(stop, origin);
      case dev.kilowatt.core.message.MeterValuesRequest values -> values.transactionId()
          .map(id -> transactions.updated(values, id, origin))
          .orElseGet(() -> meterValues(values));
      case dev.kilowatt.core.message.DataTransferRequest transfer -> new Outbound.Send<>(
          new ServiceMessages.DataTransferRequest(transfer.messageId(), VendorData.json(transfer.data()), transfer.vendorId()),
          answer -> new dev.kilowatt.core.message.DataTransferResponse(VendorData.status(answer.status()),
              VendorData.text(answer.data())));
      case dev.kilowatt.core.message.SecurityEventNotificationRequest event -> new Outbound.Send<>(
          new ServiceMessages.SecurityEventNotificationRequest(SecurityEventTypes.of(event.type()), event.timestamp(),
              event.techInfo()),
          answer -> new SecurityEventNotificationResponse());
      case dev.kilowatt.core.message.SignCertificateRequest sign -> CertificateCalls.signCertificate(sign);
      default -> new Outbound.Refuse(new CallError(CallError.Code.NOT_SUPPORTED,
          request.action().ocppValue() + " is not carried over OCPP 2.0.1 yet"));
    };
  }

  /** The core knows the reboots it asked for; a start it did not ask for is a PowerUp to it. */
  static BootReason bootReason(dev.kilowatt.core.message.BootReason reason) {
    return switch (reason) {
      case POWER_UP -> BootReason.PowerUp;
      case REMOTE_RESET -> BootReason.RemoteReset;
      case FIRMWARE_UPDATE -> BootReason.FirmwareUpdate;
    };
  }

  private Outbound status(dev.kilowatt.core.message.StatusNotificationRequest status) {
    if (status.connectorId() == 0) {
      station.set(connectorStatus(status.status()));
      return new Outbound.Answer(new StatusNotificationResponse());
    }
    ConnectorStatus connectorStatus = connectorStatus(status.status());
    evses.put(status.connectorId(), connectorStatus);
    Instant at = status.timestamp().orElseGet(clock::now);
    Outbound.Send<?> send = new Outbound.Send<>(new Messages.StatusNotificationRequest(at, connectorStatus,
        status.connectorId(), 1), answer -> new StatusNotificationResponse());
    return transactions.statusReported(status.connectorId(), status.status(), at)
        .<Outbound>map(changed -> new Outbound.Then(send, changed)).orElse(send);
  }

  private static Outbound meterValues(dev.kilowatt.core.message.MeterValuesRequest values) {
    List<Types.MeterValue> meterValue = MeterReadings.of(values.meterValue());
    return meterValue.isEmpty()
        ? new Outbound.Answer(new MeterValuesResponse())
        : new Outbound.Send<>(new Messages.MeterValuesRequest(values.connectorId(), meterValue),
            answer -> new MeterValuesResponse());
  }

  private static RegistrationStatus registration(Enums.RegistrationStatus status) {
    return switch (status) {
      case Accepted -> RegistrationStatus.ACCEPTED;
      case Pending -> RegistrationStatus.PENDING;
      case Rejected -> RegistrationStatus.REJECTED;
    };
  }

  /** Part 2 G01: 2.0.1's five states; the 1.6 states of a connector in use are all Occupied. */
  static ConnectorStatus connectorStatus(ChargePointStatus status) {
    return switch (status) {
      case AVAILABLE -> ConnectorStatus.Available;
      case PREPARING, CHARGING, SUSPENDED_EV, SUSPENDED_EVSE, FINISHING -> ConnectorStatus.Occupied;
      case RESERVED -> ConnectorStatus.Reserved;
      case UNAVAILABLE -> ConnectorStatus.Unavailable;
      case FAULTED -> ConnectorStatus.Faulted;
    };
  }
}
