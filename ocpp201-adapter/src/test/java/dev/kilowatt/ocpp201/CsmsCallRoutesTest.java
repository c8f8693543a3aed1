package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import dev.kilowatt.ocpp201.LocalAuthMessages.ClearCacheRequest;
import dev.kilowatt.ocpp201.LocalAuthMessages.GetLocalListVersionRequest;
import dev.kilowatt.ocpp201.LocalAuthMessages.GetLocalListVersionResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CsmsCallRoutesTest {

  private final List<String> asked = new ArrayList<>();
  private final Route versionRoute = new Route.Now(Exchange.local(new GetLocalListVersionResponse(3)));
  private final Route otherRoute = new Route.Now(Exchange.local(new GetLocalListVersionResponse(4)));

  /** A translator named {@code name} that knows the calls of {@code type} only, routing them to {@code route}. */
  private Function<Messages.Request<?>, Optional<Route>> knowing(String name, Class<?> type, Route route) {
    return request -> {
      asked.add(name);
      return type.isInstance(request) ? Optional.of(route) : Optional.empty();
    };
  }

  @Test
  void theFirstTranslatorThatKnowsACallRoutesItAndTheLaterOnesAreNotAsked() {
    CsmsCallRoutes routes = new CsmsCallRoutes(List.of(knowing("cache", ClearCacheRequest.class, otherRoute),
        knowing("version", GetLocalListVersionRequest.class, versionRoute),
        knowing("also version", GetLocalListVersionRequest.class, otherRoute)));

    assertSame(versionRoute, routes.of(new GetLocalListVersionRequest()).orElseThrow());
    assertEquals(List.of("cache", "version"), asked);
  }

  @Test
  void aCallNoTranslatorKnowsHasNoRouteAfterAllWereAsked() {
    CsmsCallRoutes routes = new CsmsCallRoutes(List.of(knowing("version", GetLocalListVersionRequest.class, versionRoute),
        knowing("also version", GetLocalListVersionRequest.class, otherRoute)));

    assertTrue(routes.of(new ClearCacheRequest()).isEmpty());
    assertEquals(List.of("version", "also version"), asked);
  }
}
