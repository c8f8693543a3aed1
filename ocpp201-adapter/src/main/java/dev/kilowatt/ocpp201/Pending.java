package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A call of the CSMS waiting for the core's answers to the calls it was turned into. */
final class Pending {

  private final IncomingCall<?> call;
  private final CsmsCalls.Exchange exchange;
  private final Response[] answers;
  private final List<String> callIds = new ArrayList<>();
  /** For a question asked before the exchange that answers the call: where the core's answer goes instead. */
  private final Optional<Consumer<Response>> asked;

  Pending(IncomingCall<?> call, CsmsCalls.Exchange exchange) {
    this(call, exchange, Optional.empty());
  }

  private Pending(IncomingCall<?> call, CsmsCalls.Exchange exchange, Optional<Consumer<Response>> asked) {
    this.call = call;
    this.exchange = exchange;
    this.answers = new Response[exchange.requests().size()];
    this.asked = asked;
  }

  /** The core's call {@code question} for {@code call}, whose answer goes to {@code next}, not to the CSMS. */
  static Pending question(IncomingCall<?> call, Route.AfterAnswer question, Consumer<Response> next) {
    return new Pending(call, new CsmsCalls.Exchange(List.of(question.question()), answers -> {
      throw new IllegalStateException("a question is not answered to the CSMS");
    }), Optional.of(next));
  }

  IncomingCall<?> call() {
    return call;
  }

  /** {@return the core's calls this waits for the answers of} */
  List<CentralSystemRequest<?>> requests() {
    return exchange.requests();
  }

  /** The ids the core's calls go out under, the {@code n}th exchange's. */
  List<String> callIds(long n) {
    for (int i = 0; i < answers.length; i++) {
      callIds.add("csms-" + n + "-" + i);
    }
    return List.copyOf(callIds);
  }

  /** The core refused one of the calls: the CSMS hears the exchange's answer for that, or the same error. */
  // the exchange builds the answer of the call's own action
  @SuppressWarnings("unchecked")
  void refused(CallError error) {
    exchange.refused().apply(error).ifPresentOrElse(((IncomingCall<Messages.Response>) call)::answer,
        () -> call.refuse(new RpcError(ErrorCode.ofCore(error.code()), error.description())));
  }

  void answered(String callId, Response response) {
    answers[callIds.indexOf(callId)] = response;
    if (Arrays.stream(answers).allMatch(a -> a != null)) {
      complete();
    }
  }

  /**
   * Answers the CSMS, then does what the exchange does after its answer; a core answer of another type than its
   * call's is the station's fault.
   */
  // the exchange builds the answer of the call's own action
  @SuppressWarnings("unchecked")
  void complete() {
    if (asked.isPresent()) {
      asked.get().accept(answers[0]);
      return;
    }
    Messages.Response response;
    try {
      response = exchange.answer().apply(Arrays.asList(answers));
    } catch (ClassCastException e) {
      call.refuse(new RpcError(ErrorCode.INTERNAL_ERROR, "the station answered with the wrong message"));
      return;
    }
    ((IncomingCall<Messages.Response>) call).answer(response);
    exchange.then().run();
  }
}
