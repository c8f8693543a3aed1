package dev.kilowatt.transfer;

import dev.kilowatt.core.message.BootNotificationResponse;
import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.DiagnosticsStatusNotificationResponse;
import dev.kilowatt.core.message.FirmwareStatusNotificationResponse;
import dev.kilowatt.core.message.HeartbeatResponse;
import dev.kilowatt.core.message.LogStatusNotificationResponse;
import dev.kilowatt.core.message.MeterValuesResponse;
import dev.kilowatt.core.message.RegistrationStatus;
import dev.kilowatt.core.message.SecurityEventNotificationResponse;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.message.SignedFirmwareStatusNotificationResponse;
import dev.kilowatt.core.message.StatusNotificationResponse;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * A central system that accepts the charge point and answers every call at once, recording what went over
 * the wire in order. The charge point calls it on its event loop, which in these tests is the test's thread.
 */
final class TestCentralSystem implements CentralSystem {

  /** The charge point's calls and answers, in the order they went out. */
  final List<Object> wire = new ArrayList<>();
  private final Scheduler clock;
  private Listener listener;
  private int inbound;

  TestCentralSystem(Scheduler clock) {
    this.clock = clock;
  }

  @Override
  public void connect(ConnectionSettings settings, Listener listener) {
    this.listener = listener;
  }

  @Override
  public void reconfigure(ConnectionSettings settings) {}

  @Override
  public void disconnect() {}

  @Override
  public void send(String callId, ChargePointRequest<?> request) {
    wire.add(request);
    listener.onCallResult(callId, answer(request));
  }

  @Override
  public void reply(String callId, Response response) {
    wire.add(response);
  }

  @Override
  public void replyError(String callId, CallError error) {
    wire.add(error);
  }

  void goOnline() {
    listener.onConnected();
  }

  void call(CentralSystemRequest<?> request) {
    listener.onCall("cs-" + ++inbound, request);
  }

  <T> List<T> sent(Class<T> type) {
    return wire.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private Response answer(ChargePointRequest<?> request) {
    return switch (request.action()) {
      case BOOT_NOTIFICATION -> new BootNotificationResponse(RegistrationStatus.ACCEPTED, clock.now(), 300);
      case HEARTBEAT -> new HeartbeatResponse(clock.now());
      case STATUS_NOTIFICATION -> new StatusNotificationResponse();
      case METER_VALUES -> new MeterValuesResponse();
      case FIRMWARE_STATUS_NOTIFICATION -> new FirmwareStatusNotificationResponse();
      case DIAGNOSTICS_STATUS_NOTIFICATION -> new DiagnosticsStatusNotificationResponse();
      case SECURITY_EVENT_NOTIFICATION -> new SecurityEventNotificationResponse();
      case SIGNED_FIRMWARE_STATUS_NOTIFICATION -> new SignedFirmwareStatusNotificationResponse();
      case LOG_STATUS_NOTIFICATION -> new LogStatusNotificationResponse();
      default -> throw new IllegalStateException("not expected in these tests: " + request);
    };
  }
}
