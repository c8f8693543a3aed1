package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * A valid call from the CSMS, handed to the station on its event loop. It is answered exactly once,
 * with the response its action defines or with a CALLERROR.
 *
 * @param <R> the response the call's action defines
 */
public final class IncomingCall<R extends Response> {

  private final String callId;
  private final Request<R> request;
  private final BiConsumer<String, Object> reply;
  private final AtomicBoolean answered = new AtomicBoolean();

  IncomingCall(String callId, Request<R> request, BiConsumer<String, Object> reply) {
    this.callId = callId;
    this.request = request;
    this.reply = reply;
  }

  public Request<R> request() {
    return request;
  }

  /** Sends the CALLRESULT; an answer that breaks its schema goes out as an InternalError instead. */
  public void answer(R response) {
    send(response);
  }

  public void refuse(RpcError error) {
    send(error);
  }

  private void send(Object answer) {
    if (!answered.compareAndSet(false, true)) {
      throw new IllegalStateException("call " + callId + " is already answered");
    }
    reply.accept(callId, answer);
  }
}
