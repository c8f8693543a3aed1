package dev.kilowatt.core.messaging;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The central system's calls, each to the block that answers it. Blocks register their actions while the
 * charge point is built; an action nobody registered belongs to a profile this charge point lacks.
 */
public final class CallRouter {

  private static final System.Logger LOG = System.getLogger(CallRouter.class.getName());

  /**
   * One block's answer to one kind of call.
   *
   * @param <R> the kind of call from the central system it answers
   */
  @FunctionalInterface
  public interface Handler<R extends CentralSystemRequest<?>> {
    /**
     * Answers {@code request} through {@code reply}, at once or later.
     *
     * @param request the call as the central system sent it
     * @param reply answers it, exactly once
     */
    void handle(R request, Reply reply);
  }

  private final CentralSystem link;
  private final Counters counters;
  private final Executor loop;
  private final BooleanSupplier rejected;
  private final Map<Class<?>, Handler<?>> handlers = new HashMap<>();

  /**
   * A router with no handlers yet; blocks register theirs with {@link #on}.
   *
   * @param link the connection to the central system the answers go out on
   * @param counters counts the calls ignored while Rejected
   * @param loop runs the work that must wait until the answer is out
   * @param rejected whether the central system rejected the charge point's registration
   */
  public CallRouter(CentralSystem link, Counters counters, Executor loop, BooleanSupplier rejected) {
    this.link = link;
    this.counters = counters;
    this.loop = loop;
    this.rejected = rejected;
  }

  /**
   * Registers the block that answers {@code type}; each action has one owner.
   *
   * @param <R> the kind of call
   * @param type the request class of the action, e.g. {@code ResetRequest}
   * @param handler answers every call of that action
   * @throws IllegalStateException if {@code type} already has a handler
   */
  public <R extends CentralSystemRequest<?>> void on(Class<R> type, Handler<R> handler) {
    if (handlers.putIfAbsent(type, handler) != null) {
      throw new IllegalStateException(type.getSimpleName() + " already has a handler");
    }
  }

  /**
   * Answers one call, on the event loop: through its handler, with a NotImplemented CALLERROR if no
   * block registered the action, or not at all while the registration is Rejected.
   *
   * @param callId the unique id of the CALL, which the answer repeats
   * @param request the call
   */
  public void handle(String callId, CentralSystemRequest<?> request) {
    // OCPP 1.6 section 4.2: while Rejected, calls from the central system get no answer at all.
    if (rejected.getAsBoolean()) {
      counters.increment("call.ignoredWhileRejected");
      LOG.log(Level.WARNING, "ignoring {0}: the central system rejected this charge point", request.action().ocppName());
      return;
    }
    Handler<?> handler = handlers.get(request.getClass());
    if (handler == null) {
      link.replyError(callId, new CallError(CallError.Code.NOT_IMPLEMENTED,
          request.action().ocppName() + " belongs to a feature profile this charge point does not support"));
      return;
    }
    dispatch(handler, request, new Reply(callId));
  }

  @SuppressWarnings("unchecked")
  private static <R extends CentralSystemRequest<?>> void dispatch(Handler<R> handler, CentralSystemRequest<?> request, Reply reply) {
    handler.handle((R) request, reply);
  }

  /** How a handler answers its call: once, with a result or a CALLERROR. */
  public final class Reply {
    private final String callId;

    private Reply(String callId) {
      this.callId = callId;
    }

    /**
     * Sends the CALLRESULT.
     *
     * @param response the payload of the answer
     */
    public void answer(Response response) {
      link.reply(callId, response);
    }

    /**
     * Sends a CALLERROR instead of an answer.
     *
     * @param error its code and description
     */
    public void error(CallError error) {
      link.replyError(callId, error);
    }

    /**
     * Answers with the decision, then runs its work once the answer is out.
     *
     * @param <A> what the block decided, e.g. an accepted or rejected status
     * @param decision the decision and the work that follows it
     * @param response turns the decision into the payload of the CALLRESULT
     */
    public <A> void decide(Decision<A> decision, Function<A, Response> response) {
      answer(response.apply(decision.answer()));
      decision.work().ifPresent(this::afterwards);
    }

    /**
     * Work that must follow the answer on the wire (a status notification, a start, a reboot).
     *
     * @param work runs on the event loop after the answer is sent
     */
    public void afterwards(Runnable work) {
      loop.execute(work);
    }
  }
}
