package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import java.util.function.Function;

/** What becomes of one of the core's calls at the 2.0.1 edge. */
sealed interface Outbound {

  /** Sent as {@code request}; its answer, turned back into the core's answer by {@code answer}. */
  record Send<R extends Messages.Response>(Messages.Request<R> request, Function<R, Response> answer)
      implements Outbound {
  }

  /**
   * Sent as {@code first}, and {@code next} after it: an event of the station's own that the call gives rise to
   * (a change of charging state), whose answer the core does not wait for.
   */
  record Then(Send<?> first, Messages.Request<?> next) implements Outbound {
  }

  /** 2.0.1 has nothing to send for it (a status of connector 0): the core hears this answer at once. */
  record Answer(Response response) implements Outbound {
  }

  /** Not carried over 2.0.1 yet: the core hears this CALLERROR at once. */
  record Refuse(CallError error) implements Outbound {
  }
}
