package dev.kilowatt.core.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.Reason;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.port.PilotState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfflineMessagesTest {

  private static List<Class<?>> kinds(List<ChargePointRequest<?>> requests) {
    return requests.stream().<Class<?>>map(Object::getClass).toList();
  }

  @Test
  void onlyTheMessagesMadeWhileTheCentralSystemWasUnreachableSayOffline() {
    Harness h = new Harness().configure("MeterValueSampleInterval", "60").online();
    h.ev(PilotState.C);
    h.card("OWNER");
    h.meter().read(1_000, 3_680);
    h.advance(Duration.ofSeconds(60));
    assertEquals(1, h.cs.sent(MeterValuesRequest.class).size(), "the first sample went at once");
    h.cs.goOffline();
    h.run();
    h.meter().read(1_100, 3_680);
    h.advance(Duration.ofSeconds(60));
    h.card("OWNER");
    assertEquals(List.of(), h.cs.madeOffline(), "nothing delivered while offline");

    h.cs.goOnline();
    h.run();
    assertEquals(List.of(MeterValuesRequest.class, StopTransactionRequest.class), kinds(h.cs.madeOffline()),
        "the start and the first sample were made online");
    assertEquals(Optional.of(100), ((MeterValuesRequest) h.cs.madeOffline().getFirst()).transactionId());
    assertEquals(2, h.cs.sent(MeterValuesRequest.class).size());
  }

  @Test
  void theMarksSurviveAPowerCutWithTheirMessagesAndATransactionStartedOnlineAfterwardsSaysOnline() {
    Harness h = new Harness().configure("AllowOfflineTxForUnknownId", "true").configure("MeterValueSampleInterval", "60").online();
    h.cs.goOffline();
    h.run();
    h.meter().read(2_000, 0);
    h.ev(PilotState.C);
    h.card("STRANGER");
    h.meter().read(2_100, 3_680);
    h.advance(Duration.ofSeconds(60));

    h.restartOnline();
    List<ChargePointRequest<?>> offline = h.cs.madeOffline();
    assertEquals(List.of(StartTransactionRequest.class, MeterValuesRequest.class, StopTransactionRequest.class), kinds(offline),
        "started and sampled offline before the cut, stopped at the boot before the connection");
    assertEquals(Optional.of(Reason.POWER_LOSS), ((StopTransactionRequest) offline.get(2)).reason());

    h.ev(PilotState.A);
    h.run();
    h.ev(PilotState.C);
    h.card("OWNER");
    assertEquals(2, h.cs.sent(StartTransactionRequest.class).size());
    assertEquals(3, offline.size(), "the start made online is not among them");
  }
}
