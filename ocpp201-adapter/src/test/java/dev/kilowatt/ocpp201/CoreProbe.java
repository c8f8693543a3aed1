package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.UnsettledTransaction;
import dev.kilowatt.test.RecordingLinkListener;
import java.time.Duration;
import java.util.List;

/** A stand-in for the core behind the port: it records what the adapter tells it, in order. */
final class CoreProbe extends RecordingLinkListener {

  /** A guard against a hang: a report that takes a minute fails the test. */
  CoreProbe() {
    super(Duration.ofSeconds(60));
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

  /** The adapter asked after the core's transactions, which must come next: the core answers {@code unsettled}. */
  void transactionsAsked(List<UnsettledTransaction> unsettled) {
    next(TransactionsAsked.class).answer().accept(unsettled);
  }
}
