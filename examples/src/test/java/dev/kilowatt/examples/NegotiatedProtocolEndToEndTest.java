package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.chargetime.ocpp.model.core.AuthorizeRequest;
import org.junit.jupiter.api.Test;

/**
 * {@code --protocol auto}: the simulated charger, wired by Dagger, offers ocpp2.0.1 and ocpp1.6, and the ChargeTime
 * central system, which speaks 1.6 only, chooses ocpp1.6: the charger runs the same core over its 1.6 adapter.
 */
class NegotiatedProtocolEndToEndTest extends EndToEndFixture {

  @Test
  void aCentralSystemOf16OnlyIsSpokenTo16ByAChargerOfferingBoth() {
    boot(settings().withProtocol(Protocol.AUTO));

    type("card " + CARD);
    assertEquals(CARD, centralSystem.next(AuthorizeRequest.class).getIdTag());
  }
}
