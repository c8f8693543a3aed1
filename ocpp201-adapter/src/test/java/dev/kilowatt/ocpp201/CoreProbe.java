package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A stand-in for the core behind the port: it records what the adapter tells it, in order. */
final class CoreProbe implements CentralSystem.Listener {

  record Connected() {
  }

  record Disconnected(String reason) {
  }

  record Result(String callId, Response response) {
  }

  record Failed(String callId, CallError error) {
  }

  record Call(String callId, CentralSystemRequest<?> request) {
  }

  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

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
    events.add(type);
  }

  /** The next event; a guard against a hang fails the test after a minute. */
  Object next() {
    try {
      Object event = events.poll(60, TimeUnit.SECONDS);
      return event == null ? fail("the adapter reported nothing") : event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  <T> T next(Class<T> type) {
    Object event = next();
    return assertInstanceOf(type, event, event::toString);
  }

  /** The answer to the core's call {@code callId}, which must come next. */
  <R extends Response> R result(String callId, Class<R> type) {
    Result result = next(Result.class);
    if (!result.callId().equals(callId)) {
      fail("the answer to " + result.callId() + " came instead of " + callId);
    }
    return assertInstanceOf(type, result.response());
  }

  /** The core's side of a CSMS call, which must come next. */
  <Q extends CentralSystemRequest<?>> Q call(Class<Q> type, String[] callId) {
    Call call = next(Call.class);
    callId[0] = call.callId();
    return assertInstanceOf(type, call.request());
  }

  boolean quiet() {
    return events.isEmpty();
  }
}
