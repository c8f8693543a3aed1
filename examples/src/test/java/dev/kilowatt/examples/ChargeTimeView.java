package dev.kilowatt.examples;

import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.MeterValue;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.RemoteStartStopStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionRequest;
import eu.chargetime.ocpp.model.core.ResetConfirmation;
import eu.chargetime.ocpp.model.core.ResetRequest;
import eu.chargetime.ocpp.model.core.ResetStatus;
import eu.chargetime.ocpp.model.core.ResetType;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The ChargeTime OCPP-J 1.6 server, read through StartTransaction, MeterValues and StopTransaction. */
final class ChargeTimeView implements CentralSystemView {

  private final ChargeTimeCentralSystem centralSystem = ChargeTimeCentralSystem.start();

  @Override
  public Protocol protocol() {
    return Protocol.OCPP16;
  }

  @Override
  public URI url() {
    return centralSystem.url();
  }

  @Override
  public int boots() {
    return centralSystem.all(BootNotificationRequest.class).size();
  }

  @Override
  public List<ConnectorReport> statuses() {
    return centralSystem.all(StatusNotificationRequest.class).stream()
        .map(s -> new ConnectorReport(s.getConnectorId(), s.getStatus() == ChargePointStatus.Available)).toList();
  }

  @Override
  public List<Started> started() {
    return centralSystem.all(StartTransactionRequest.class).stream()
        .map(s -> new Started(String.valueOf(centralSystem.transactionIdOf(s)), s.getIdTag(), s.getConnectorId(), s.getMeterStart()))
        .toList();
  }

  @Override
  public List<Stopped> stopped() {
    return centralSystem.all(StopTransactionRequest.class).stream()
        .map(s -> new Stopped(String.valueOf(s.getTransactionId()), cause(s.getReason()), s.getMeterStop())).toList();
  }

  @Override
  public List<Sample> samples() {
    return centralSystem.all(MeterValuesRequest.class).stream().filter(m -> m.getTransactionId() != null)
        .flatMap(m -> Arrays.stream(m.getMeterValue()).flatMap(value -> energy(value)
            .map(wh -> new Sample(String.valueOf(m.getTransactionId()), value.getTimestamp().toInstant(), wh)).stream()))
        .toList();
  }

  @Override
  public boolean remoteStart(String token, int connector) {
    RemoteStartTransactionRequest request = new RemoteStartTransactionRequest(token);
    request.setConnectorId(connector);
    RemoteStartTransactionConfirmation answer = centralSystem.call(request);
    return answer.getStatus() == RemoteStartStopStatus.Accepted;
  }

  @Override
  public boolean remoteStop(String transaction) {
    RemoteStopTransactionConfirmation answer = centralSystem.call(new RemoteStopTransactionRequest(Integer.parseInt(transaction)));
    return answer.getStatus() == RemoteStartStopStatus.Accepted;
  }

  @Override
  public boolean reset() {
    ResetConfirmation answer = centralSystem.call(new ResetRequest(ResetType.Soft));
    return answer.getStatus() == ResetStatus.Accepted;
  }

  @Override
  public void goOffline() {
    centralSystem.goOffline();
  }

  @Override
  public void goOnline() {
    centralSystem.goOnline();
  }

  @Override
  public void close() {
    centralSystem.close();
  }

  /** The energy register of a sample, absent from a sample of other measurands (1.6's default measurand is the register). */
  private static Optional<Double> energy(MeterValue value) {
    return Arrays.stream(value.getSampledValue())
        .filter(v -> v.getMeasurand() == null || v.getMeasurand().equals("Energy.Active.Import.Register"))
        .map(SampledValue::getValue).map(Double::parseDouble).findFirst();
  }

  /** OCPP 1.6 section 7.43: no reason is Local. */
  private static StopCause cause(Reason reason) {
    if (reason == null) {
      return StopCause.LOCAL;
    }
    return switch (reason) {
      case Local -> StopCause.LOCAL;
      case Remote -> StopCause.REMOTE;
      case HardReset, SoftReset -> StopCause.RESET;
      case EVDisconnected -> StopCause.EV_DISCONNECTED;
      case PowerLoss -> StopCause.POWER_LOSS;
      default -> StopCause.OTHER;
    };
  }
}
