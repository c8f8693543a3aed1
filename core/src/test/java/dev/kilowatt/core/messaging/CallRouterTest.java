package dev.kilowatt.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.ClearCacheRequest;
import dev.kilowatt.core.message.ClearCacheResponse;
import dev.kilowatt.core.message.ClearCacheStatus;
import dev.kilowatt.core.message.GetLocalListVersionRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call table: each action to the one block that registered it, the same answers as before for the rest. */
class CallRouterTest {

  /** What went back on the link, in order; the loop's work is queued so a test sees it run after the answer. */
  private final List<Object> wire = new ArrayList<>();
  private final List<Runnable> loop = new ArrayList<>();
  private final Counters counters = new Counters();
  private boolean rejected;
  private final CallRouter router = new CallRouter(new Link(), counters, loop::add, () -> rejected);

  @Test
  void aCallGoesToTheBlockThatRegisteredItsActionAndItsWorkFollowsTheAnswer() {
    router.on(ClearCacheRequest.class, (request, reply) -> {
      reply.answer(new ClearCacheResponse(ClearCacheStatus.ACCEPTED));
      reply.afterwards(() -> wire.add("work after the answer"));
    });

    router.handle("1", new ClearCacheRequest());
    assertEquals(List.of("1 -> " + new ClearCacheResponse(ClearCacheStatus.ACCEPTED)), wire);
    loop.forEach(Runnable::run);

    assertEquals(List.of("1 -> " + new ClearCacheResponse(ClearCacheStatus.ACCEPTED), "work after the answer"), wire);
  }

  @Test
  void anActionNobodyRegisteredIsNotImplemented() {
    router.handle("2", new GetLocalListVersionRequest());

    assertEquals(List.of("2 -> " + new CallError(CallError.Code.NOT_IMPLEMENTED,
        "GetLocalListVersion belongs to a feature profile this charge point does not support")), wire);
  }

  @Test
  void whileRejectedNoCallIsAnsweredAndEachIsCounted() {
    router.on(ClearCacheRequest.class, (request, reply) -> reply.answer(new ClearCacheResponse(ClearCacheStatus.ACCEPTED)));
    rejected = true;

    router.handle("3", new ClearCacheRequest());
    router.handle("4", new GetLocalListVersionRequest());

    assertEquals(List.of(), wire);
    assertEquals(2, counters.get("call.ignoredWhileRejected"));
  }

  @Test
  void anActionHasOneOwner() {
    router.on(ClearCacheRequest.class, (request, reply) -> reply.answer(new ClearCacheResponse(ClearCacheStatus.ACCEPTED)));

    assertThrows(IllegalStateException.class,
        () -> router.on(ClearCacheRequest.class, (request, reply) -> reply.answer(new ClearCacheResponse(ClearCacheStatus.REJECTED))));
  }

  private final class Link implements CentralSystem {
    @Override
    public void connect(ConnectionSettings settings, Listener listener) {}

    @Override
    public void reconfigure(ConnectionSettings settings) {}

    @Override
    public void disconnect() {}

    @Override
    public void send(String callId, ChargePointRequest<?> request) {}

    @Override
    public void reply(String callId, Response response) {
      wire.add(callId + " -> " + response);
    }

    @Override
    public void replyError(String callId, CallError error) {
      wire.add(callId + " -> " + error);
    }
  }
}
