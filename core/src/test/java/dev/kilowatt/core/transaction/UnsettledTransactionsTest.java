package dev.kilowatt.core.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.message.StopTransactionResponse;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.UnsettledTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The link asks after the transactions the central system has not heard the whole of (2.0.1's GetTransactionStatus). */
class UnsettledTransactionsTest {

  private static List<UnsettledTransaction> asked(Harness h) {
    List<List<UnsettledTransaction>> answers = new ArrayList<>();
    h.cs.listener().onTransactionsAsked(answers::add);
    h.run();
    assertEquals(1, answers.size(), "answered once, on the loop");
    return answers.getFirst();
  }

  @Test
  void aRunningTransactionWhoseMessagesAreAnsweredRunsWithNothingWaitingAndAnEndedDeliveredOneIsGone() {
    Harness h = new Harness().online();
    assertEquals(List.of(), asked(h));

    h.startCharging();
    List<UnsettledTransaction> charging = asked(h);
    assertEquals(1, charging.size());
    assertEquals(1, charging.getFirst().connectorId());
    assertEquals(h.cs.sent(StartTransactionRequest.class).getFirst().timestamp(), charging.getFirst().started());
    assertEquals(true, charging.getFirst().running());
    assertEquals(false, charging.getFirst().messagesWaiting());

    h.stopCharging();
    assertEquals(List.of(), asked(h), "stopped and its StopTransaction answered");
  }

  @Test
  void aTransactionStoppedOfflineHasItsStopWaitingUntilTheCentralSystemAnswersIt() {
    Harness h = new Harness().online();
    h.startCharging();
    h.cs.goOffline();
    h.run();
    h.card("CARD");
    h.ev(PilotState.A);

    List<UnsettledTransaction> offline = asked(h);
    assertEquals(1, offline.size());
    assertEquals(false, offline.getFirst().running());
    assertEquals(true, offline.getFirst().messagesWaiting());

    h.cs.holdAnswers();
    h.cs.goOnline();
    h.awaitCall(StopTransactionRequest.class);
    assertEquals(true, asked(h).getFirst().messagesWaiting(), "in flight, not answered yet");
    h.reply(StopTransactionRequest.class, new StopTransactionResponse(Optional.empty()));
    assertEquals(List.of(), asked(h));
  }

  @Test
  void aTransactionStartedOfflineRunsWithItsStartWaiting() {
    Harness h = new Harness().configure("AllowOfflineTxForUnknownId", "true").online();
    h.cs.goOffline();
    h.run();
    h.ev(PilotState.C);
    h.card("STRANGER");

    List<UnsettledTransaction> offline = asked(h);
    assertEquals(1, offline.size());
    assertEquals(true, offline.getFirst().running());
    assertEquals(true, offline.getFirst().messagesWaiting());
  }
}
