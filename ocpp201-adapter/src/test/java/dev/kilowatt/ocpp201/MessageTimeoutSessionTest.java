package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.AuthorizeRequest;
import dev.kilowatt.core.message.AuthorizeResponse;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.HeartbeatRequest;
import dev.kilowatt.ocpp201.Messages.HeartbeatResponse;
import dev.kilowatt.test.InMemoryStorage;
import dev.kilowatt.test.RecordingLinkListener.Connected;
import dev.kilowatt.test.RecordingLinkListener.Result;
import dev.kilowatt.test.TestLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Part 4's time-out of a CALL, against ocpp-rpc's server in strict mode holding its answers back, on virtual
 * time: a call unanswered for {@link Handshake#MESSAGE_TIMEOUT} fails, the next call goes, a late answer is
 * ignored; over the core's port the failure is a lost answer, not a CALLERROR.
 */
class MessageTimeoutSessionTest {

  private final TestLoop loop = new TestLoop(Instant.parse("2026-12-04T18:00:00Z"));
  private CentralSystemProcess csms;

  @BeforeEach
  void start() {
    csms = CentralSystemProcess.start("ocpp2.0.1");
    csms.send("hold Heartbeat");
    csms.awaitPrefix("holding Heartbeat");
  }

  @AfterEach
  void stop() throws InterruptedException {
    csms.close();
  }

  @Test
  void aCallUnansweredForTheMessageTimeoutFailsTheNextGoesAndTheLateAnswerIsIgnored() throws Exception {
    StationProbe station = new StationProbe(call -> call.refuse(new RpcError(ErrorCode.NOT_SUPPORTED, "not in this test")));
    try (Ocpp201Link link = Ocpp201Link.open(csms.endpoint("KW-T1"), List.of(Subprotocol.OCPP201), StationProbe.PROFILE_0,
        loop, station)) {
      loop.awaitUntil("the connection", Duration.ZERO, () -> link.subprotocol().isPresent());
      CompletableFuture<HeartbeatResponse> unanswered = link.call(new Messages.HeartbeatRequest());
      csms.received("Heartbeat");
      CompletableFuture<Messages.AuthorizeResponse> next = link.call(new Messages.AuthorizeRequest(
          new Types.IdToken("04A2B3C4", Enums.IdTokenType.ISO14443, List.of()), Optional.empty()));

      loop.advance(Handshake.MESSAGE_TIMEOUT.minusSeconds(1));
      assertFalse(unanswered.isDone());
      assertFalse(next.isDone());
      loop.advance(Duration.ofSeconds(1));

      assertTrue(unanswered.isCompletedExceptionally(), "the unanswered call has not failed");
      ExecutionException failed = assertThrows(ExecutionException.class, unanswered::get);
      assertInstanceOf(TimeoutException.class, failed.getCause());
      csms.received("Authorize");
      loop.awaitUntil("the answer to the next call", Duration.ZERO, next::isDone);
      assertEquals(Enums.AuthorizationStatus.Accepted, next.get().idTokenInfo().status());

      csms.send("release Heartbeat");
      loop.awaitUntil("the late answer, ignored", Duration.ZERO, () -> link.ignoredFrames() == 1);
    }
  }

  @Test
  void overThePortATimedOutCallIsALostAnswerToTheCoreAndTheNextCallIsAnswered() {
    CoreProbe core = new CoreProbe();
    Ocpp201CentralSystem port = new Ocpp201CentralSystem(csms.address("KW-T2"), loop, new InMemoryStorage());
    port.connect(PortSession.SETTINGS, core);
    try {
      loop.awaitUntil("the connection", Duration.ZERO, () -> !core.untaken().isEmpty());
      core.next(Connected.class);
      port.send("heartbeat-1", new HeartbeatRequest());
      csms.received("Heartbeat");
      port.send("authorize-1", new AuthorizeRequest("04A2B3C4"));

      loop.advance(Handshake.MESSAGE_TIMEOUT);
      csms.received("Authorize");
      loop.awaitUntil("the answer to the next call", Duration.ZERO, () -> !core.untaken().isEmpty());

      Result answered = core.next(Result.class);
      assertEquals("authorize-1", answered.callId());
      assertEquals(AuthorizationStatus.ACCEPTED, ((AuthorizeResponse) answered.response()).idTagInfo().status());
      assertTrue(core.quiet(), () -> "the core heard of the unanswered Heartbeat: " + core.untaken());
    } finally {
      port.disconnect();
    }
  }
}
