package dev.kilowatt.core.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.BootNotificationRequest;
import dev.kilowatt.core.message.BootNotificationResponse;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.ExtendedMessageTrigger;
import dev.kilowatt.core.message.ExtendedTriggerMessageRequest;
import dev.kilowatt.core.message.ExtendedTriggerMessageResponse;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.core.message.Measurand;
import dev.kilowatt.core.message.MessageTrigger;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.ReadingContext;
import dev.kilowatt.core.message.RegistrationStatus;
import dev.kilowatt.core.message.SampledValue;
import dev.kilowatt.core.message.SignCertificateRequest;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.message.TriggerMessageRequest;
import dev.kilowatt.core.message.TriggerMessageResponse;
import dev.kilowatt.core.message.TriggerMessageStatus;
import dev.kilowatt.core.port.PilotState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * TriggerMessage as the OCA test cases TC_054 and TC_055 walk through it, and the spec's connectorId rules;
 * ExtendedTriggerMessage of the security white paper alike.
 */
class RemoteTriggerTest {

  private static final TriggerMessageResponse ACCEPTED = new TriggerMessageResponse(TriggerMessageStatus.ACCEPTED);
  private static final TriggerMessageResponse REJECTED = new TriggerMessageResponse(TriggerMessageStatus.REJECTED);
  private static final ExtendedTriggerMessageResponse EXTENDED_ACCEPTED = new ExtendedTriggerMessageResponse(TriggerMessageStatus.ACCEPTED);
  private static final ExtendedTriggerMessageResponse EXTENDED_REJECTED = new ExtendedTriggerMessageResponse(TriggerMessageStatus.REJECTED);

  /** Sends the trigger; returns what went over the wire for it: the answer first, then the triggered calls. */
  private static List<Object> trigger(Harness h, MessageTrigger message, Optional<Integer> connectorId) {
    return wireAfter(h, new TriggerMessageRequest(message, connectorId));
  }

  private static List<Object> trigger(Harness h, ExtendedMessageTrigger message, Optional<Integer> connectorId) {
    return wireAfter(h, new ExtendedTriggerMessageRequest(message, connectorId));
  }

  private static List<Object> wireAfter(Harness h, CentralSystemRequest<?> request) {
    int before = h.cs.wire().size();
    h.call(request);
    return List.copyOf(h.cs.wire().subList(before, h.cs.wire().size()));
  }

  private static <T extends ChargePointRequest<?>> List<T> calls(List<Object> wire, Class<T> type) {
    return wire.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void everyMessageOfTestCase054IsSentAfterTheAnswer() {
    Harness h = new Harness().online();
    List<Object> meter = trigger(h, MessageTrigger.METER_VALUES, Optional.of(1));
    assertEquals(ACCEPTED, meter.get(0));
    assertInstanceOf(MeterValuesRequest.class, meter.get(1));

    List<Object> heartbeat = trigger(h, MessageTrigger.HEARTBEAT, Optional.empty());
    assertEquals(List.of(ACCEPTED, new HeartbeatRequest()), heartbeat);

    List<Object> status = trigger(h, MessageTrigger.STATUS_NOTIFICATION, Optional.of(1));
    assertEquals(ACCEPTED, status.get(0));
    assertEquals(1, assertInstanceOf(StatusNotificationRequest.class, status.get(1)).connectorId());

    List<Object> boot = trigger(h, MessageTrigger.BOOT_NOTIFICATION, Optional.empty());
    assertEquals(ACCEPTED, boot.get(0));
    assertInstanceOf(BootNotificationRequest.class, boot.get(1));
  }

  @Test
  void meterValuesOutOfRangeAreRejectedAndNothingIsSent() {
    Harness h = new Harness().online();
    assertEquals(List.of(REJECTED), trigger(h, MessageTrigger.METER_VALUES, Optional.of(2)), "NumberOfConnectors + 1 (TC_055)");
    assertEquals(List.of(REJECTED), trigger(h, MessageTrigger.METER_VALUES, Optional.of(-1)));
    assertEquals(List.of(REJECTED), trigger(h, MessageTrigger.METER_VALUES, Optional.of(0)), "no main meter");
    assertEquals(List.of(REJECTED), trigger(h, MessageTrigger.STATUS_NOTIFICATION, Optional.of(2)));
  }

  @Test
  void statusNotificationWithoutConnectorIdCoversTheChargePointAndEveryConnector() {
    Harness h = new Harness(2).online();
    List<Object> all = trigger(h, MessageTrigger.STATUS_NOTIFICATION, Optional.empty());
    assertEquals(List.of(0, 1, 2), calls(all, StatusNotificationRequest.class).stream().map(StatusNotificationRequest::connectorId).toList());

    List<Object> chargePoint = trigger(h, MessageTrigger.STATUS_NOTIFICATION, Optional.of(0));
    assertEquals(List.of(0), calls(chargePoint, StatusNotificationRequest.class).stream().map(StatusNotificationRequest::connectorId).toList());
  }

  @Test
  void meterValuesCarryTheSampledMeasurandsInContextTrigger() {
    Harness h = new Harness(2).online();
    h.call(new ChangeConfigurationRequest("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import"));
    h.meters.get(1).read(2_500, 1_150);
    h.run();

    List<MeterValuesRequest> all = calls(trigger(h, MessageTrigger.METER_VALUES, Optional.empty()), MeterValuesRequest.class);
    assertEquals(List.of(1, 2), all.stream().map(MeterValuesRequest::connectorId).toList());
    List<SampledValue> second = all.get(1).meterValue().get(0).sampledValue();
    assertEquals(List.of(Optional.of(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER), Optional.of(Measurand.POWER_ACTIVE_IMPORT)),
        second.stream().map(SampledValue::measurand).toList());
    assertEquals(List.of("2500", "1150.0"), second.stream().map(SampledValue::value).toList());
    assertTrue(second.stream().allMatch(v -> v.context().equals(Optional.of(ReadingContext.TRIGGER))));
    assertEquals(Optional.empty(), all.get(0).transactionId());
  }

  @Test
  void withNoSampledMeasurandsConfiguredTheRegisterIsSent() {
    Harness h = new Harness().online();
    h.call(new ChangeConfigurationRequest("MeterValuesSampledData", ""));
    MeterValuesRequest values = calls(trigger(h, MessageTrigger.METER_VALUES, Optional.of(1)), MeterValuesRequest.class).get(0);
    assertEquals(List.of(Optional.of(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER)),
        values.meterValue().get(0).sampledValue().stream().map(SampledValue::measurand).toList());
  }

  @Test
  void meterValuesDuringATransactionNameIt() {
    Harness h = new Harness().online();
    h.card("CARD");
    h.ev(PilotState.C);
    MeterValuesRequest values = calls(trigger(h, MessageTrigger.METER_VALUES, Optional.of(1)), MeterValuesRequest.class).get(0);
    assertEquals(h.connector(1).transactionId(), values.transactionId());
  }

  @Test
  void aConnectorIdIsIgnoredWhereTheMessageHasNone() {
    Harness h = new Harness().online();
    assertEquals(List.of(ACCEPTED, new HeartbeatRequest()), trigger(h, MessageTrigger.HEARTBEAT, Optional.of(7)));
    assertEquals(ACCEPTED, trigger(h, MessageTrigger.BOOT_NOTIFICATION, Optional.of(7)).get(0));
  }

  @Test
  void whilePendingTheTriggeredMessagesStillGoOut() {
    Harness h = new Harness().start();
    h.cs.holdAnswers();
    h.cs.goOnline();
    h.run();
    h.cs.answer(new BootNotificationResponse(RegistrationStatus.PENDING, Harness.START, 60));
    h.run();

    h.call(new TriggerMessageRequest(MessageTrigger.HEARTBEAT, Optional.empty()));
    h.cs.peek(HeartbeatRequest.class);
    h.cs.answerFriendly();
    h.call(new TriggerMessageRequest(MessageTrigger.STATUS_NOTIFICATION, Optional.of(1)));
    h.cs.peek(StatusNotificationRequest.class);
    h.cs.answerFriendly();
    h.call(new TriggerMessageRequest(MessageTrigger.BOOT_NOTIFICATION, Optional.empty()));
    h.cs.peek(BootNotificationRequest.class);
    h.cs.answer(new BootNotificationResponse(RegistrationStatus.ACCEPTED, Harness.START, 60));
    h.run();
    h.cs.peek(StatusNotificationRequest.class);
  }

  // ---------------------------------------------------------------- ExtendedTriggerMessage (security white paper)

  @Test
  void theExtendedTriggerSendsTheMessagesBothTriggersKnowAfterItsAnswer() {
    Harness h = new Harness().online();
    record Case(ExtendedMessageTrigger message, Optional<Integer> connectorId, Class<?> sent) {}
    for (Case c : List.of(new Case(ExtendedMessageTrigger.BOOT_NOTIFICATION, Optional.empty(), BootNotificationRequest.class),
        new Case(ExtendedMessageTrigger.HEARTBEAT, Optional.empty(), HeartbeatRequest.class),
        new Case(ExtendedMessageTrigger.METER_VALUES, Optional.of(1), MeterValuesRequest.class),
        new Case(ExtendedMessageTrigger.STATUS_NOTIFICATION, Optional.of(1), StatusNotificationRequest.class))) {
      List<Object> wire = trigger(h, c.message(), c.connectorId());
      assertEquals(EXTENDED_ACCEPTED, wire.get(0), c.message().ocppValue());
      assertInstanceOf(c.sent(), wire.get(1), c.message().ocppValue());
    }
  }

  @Test
  void theExtendedTriggerRejectsConnectorsTheMessageDoesNotExistFor() {
    Harness h = new Harness().online();
    assertEquals(List.of(EXTENDED_REJECTED), trigger(h, ExtendedMessageTrigger.METER_VALUES, Optional.of(2)));
    assertEquals(List.of(EXTENDED_REJECTED), trigger(h, ExtendedMessageTrigger.METER_VALUES, Optional.of(0)), "no main meter");
    assertEquals(List.of(EXTENDED_REJECTED), trigger(h, ExtendedMessageTrigger.STATUS_NOTIFICATION, Optional.of(2)));
  }

  @Test
  void aChargePointCertificateIsRequestedOnlyWhenTheCsrCanBeMade() {
    Harness h = new Harness().online();
    assertEquals(List.of(EXTENDED_REJECTED), trigger(h, ExtendedMessageTrigger.SIGN_CHARGE_POINT_CERTIFICATE, Optional.empty()),
        "no CpoName for the CSR");
    h.call(new ChangeConfigurationRequest("CpoName", "Kilowatt Charging"));
    List<Object> wire = trigger(h, ExtendedMessageTrigger.SIGN_CHARGE_POINT_CERTIFICATE, Optional.empty());
    assertEquals(EXTENDED_ACCEPTED, wire.get(0));
    assertInstanceOf(SignCertificateRequest.class, wire.get(1), "after the answer (A02.FR.02)");
  }

  @Test
  void theStatusesOfFeaturesNotConfiguredAreNotImplemented() {
    Harness h = new Harness().online();
    ExtendedTriggerMessageResponse notImplemented = new ExtendedTriggerMessageResponse(TriggerMessageStatus.NOT_IMPLEMENTED);
    assertEquals(List.of(notImplemented), trigger(h, ExtendedMessageTrigger.FIRMWARE_STATUS_NOTIFICATION, Optional.empty()));
    assertEquals(List.of(notImplemented), trigger(h, ExtendedMessageTrigger.LOG_STATUS_NOTIFICATION, Optional.empty()));
  }
}
