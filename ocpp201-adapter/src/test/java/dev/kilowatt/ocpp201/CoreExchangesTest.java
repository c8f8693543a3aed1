package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.ConfigurationStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reconnect with new credentials waits for the CSMS's calls in progress, so that their answers go out first. */
class CoreExchangesTest {

  private final CoreExchanges exchanges = new CoreExchanges();
  private final List<String> happened = new ArrayList<>();
  private final CoreProbe core = new CoreProbe();

  @Test
  void whatWaitsForIdleRunsOnlyAfterTheLastCoreAnswerHasAnsweredTheCsms() {
    exchanges.handOver(setVariablesOfTwoKeys(), core);
    exchanges.whenIdle(() -> happened.add("reconnect"));
    assertEquals(List.of(), happened, "two core calls are unanswered");

    exchanges.answered(core.next(CoreProbe.Call.class).callId(), accepted());
    assertEquals(List.of(), happened, "one core call is unanswered");
    exchanges.answered(core.next(CoreProbe.Call.class).callId(), accepted());

    assertEquals(List.of("SetVariables answered", "reconnect"), happened);
  }

  @Test
  void withNothingInProgressItRunsAtOnceAndALostConnectionDropsIt() {
    exchanges.whenIdle(() -> happened.add("at once"));
    exchanges.handOver(setVariablesOfTwoKeys(), core);
    exchanges.whenIdle(() -> happened.add("dropped"));
    exchanges.lost();
    exchanges.answered(core.next(CoreProbe.Call.class).callId(), accepted());

    assertEquals(List.of("at once"), happened);
  }

  private Pending setVariablesOfTwoKeys() {
    IncomingCall<Messages.SetVariablesResponse> call = new IncomingCall<>("v1",
        new Messages.SetVariablesRequest(List.of()), new IncomingCall.Replies() {
          @Override
          public void result(String callId, Messages.Response response) {
            happened.add("SetVariables answered");
          }

          @Override
          public void error(String callId, RpcError error) {
            happened.add("SetVariables refused");
          }
        }, 0);
    return new Pending(call, new CsmsCalls.Exchange(
        List.of(new ChangeConfigurationRequest("AuthorizationKey", "00112233445566778899aabbccddeeff"),
            new ChangeConfigurationRequest("HeartbeatInterval", "120")),
        answers -> new Messages.SetVariablesResponse(List.of())));
  }

  private static ChangeConfigurationResponse accepted() {
    return new ChangeConfigurationResponse(ConfigurationStatus.ACCEPTED);
  }
}
