package dev.kilowatt.ocpp;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Records the link's events in order, for tests to await one by one. */
class RecordingListener implements CentralSystem.Listener {

  sealed interface Event {
  }

  record Connected() implements Event {
  }

  record Disconnected(String reason) implements Event {
  }

  record Result(String callId, Response response) implements Event {
  }

  record Failed(String callId, CallError error) implements Event {
  }

  record Call(String callId, CentralSystemRequest<?> request) implements Event {
  }

  record SecurityEvent(String type, String techInfo) implements Event {
  }

  final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

  <E extends Event> E next(Class<E> type) throws InterruptedException {
    return assertInstanceOf(type, TestCentralSystem.take(events));
  }

  @Override
  public void onConnected() {
    events.add(new Connected());
  }

  @Override
  public void onDisconnected(String reason) {
    events.add(new Disconnected(reason));
  }

  @Override
  public void onCallResult(String callId, Response response) {
    events.add(new Result(callId, response));
  }

  @Override
  public void onCallError(String callId, CallError error) {
    events.add(new Failed(callId, error));
  }

  @Override
  public void onCall(String callId, CentralSystemRequest<?> request) {
    events.add(new Call(callId, request));
  }

  @Override
  public void onSecurityEvent(String type, String techInfo) {
    events.add(new SecurityEvent(type, techInfo));
  }
}
