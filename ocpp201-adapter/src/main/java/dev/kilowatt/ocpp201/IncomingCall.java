package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A valid call from the CSMS, handed to the station on its event loop. It is answered exactly once,
 * with the response its action defines or with a CALLERROR.
 *
 * @param <R> the response the call's action defines
 */
public final class IncomingCall<R extends Response> {

  /** Where the answers go: the link that received the call. */
  interface Replies {
    void result(String callId, Response response);

    void error(String callId, RpcError error);
  }

  private final String callId;
  private final Request<R> request;
  private final Replies replies;
  private final int frameBytes;
  private final AtomicBoolean answered = new AtomicBoolean();

  IncomingCall(String callId, Request<R> request, Replies replies, int frameBytes) {
    this.callId = callId;
    this.request = request;
    this.replies = replies;
    this.frameBytes = frameBytes;
  }

  /** {@return the length of the call's frame in bytes (UTF-8), for the device model's BytesPerMessage} */
  int frameBytes() {
    return frameBytes;
  }

  /** {@return the call's payload} */
  public Request<R> request() {
    return request;
  }

  /**
   * Sends the CALLRESULT; an answer that breaks its schema goes out as an InternalError instead.
   *
   * @param response the answer, of the type the call's action defines
   * @throws IllegalStateException if the call is already answered
   */
  public void answer(R response) {
    once();
    replies.result(callId, response);
  }

  /**
   * Answers with a CALLERROR instead.
   *
   * @param error the code and description to send
   * @throws IllegalStateException if the call is already answered
   */
  public void refuse(RpcError error) {
    once();
    replies.error(callId, error);
  }

  private void once() {
    if (!answered.compareAndSet(false, true)) {
      throw new IllegalStateException("call " + callId + " is already answered");
    }
  }
}
