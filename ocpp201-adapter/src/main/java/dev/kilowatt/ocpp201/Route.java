package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.UnsettledTransaction;
import java.util.List;
import java.util.function.Function;

/**
 * What becomes of one call of the CSMS: an exchange with the core made now, or one made once the core has
 * said which of its transactions are unsettled (running, or with messages not yet delivered), which the
 * 1.6-shaped calls cannot ask.
 */
sealed interface Route {

  /** The exchange is known now. */
  record Now(CsmsCalls.Exchange exchange) implements Route {
  }

  /** The exchange depends on the core's unsettled transactions. */
  record AfterTransactions(Function<List<UnsettledTransaction>, CsmsCalls.Exchange> exchange) implements Route {
  }

  /** The exchange depends on the core's answer to one call asked first (ClearCache: whether the cache is on). */
  record AfterAnswer(CentralSystemRequest<?> question, Function<Response, CsmsCalls.Exchange> exchange)
      implements Route {
  }
}
