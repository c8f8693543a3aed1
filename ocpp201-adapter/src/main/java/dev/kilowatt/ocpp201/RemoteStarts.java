package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Enums.IdTokenType;
import dev.kilowatt.ocpp201.Types.IdToken;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a RequestStartTransaction says that the core's RemoteStartTransaction cannot carry: the
 * remoteStartId, which the Started event of the transaction it led to repeats in its transactionInfo
 * (part 2 F01, with triggerReason RemoteStart), and the IdToken's type. Kept in memory from the request to that
 * Started event, by EVSE (0 when the CSMS named none); a restart in between forgets it, and the Started
 * event then goes out as an ordinary one. IdTokens the station read itself are ISO 14443 cards (the
 * reference device's reader).
 */
final class RemoteStarts {

  /** One accepted request, not yet started. */
  record RemoteStart(int remoteStartId, IdToken idToken) {
  }

  private static final int ANY_EVSE = 0;

  private final Map<Integer, RemoteStart> waiting = new HashMap<>();

  synchronized void remember(Optional<Integer> evseId, int remoteStartId, IdToken idToken) {
    waiting.put(evseId.orElse(ANY_EVSE), new RemoteStart(remoteStartId, idToken));
  }

  /** The request that led to a transaction for {@code idTag} on {@code evseId}, taken out. */
  synchronized Optional<RemoteStart> take(int evseId, String idTag) {
    for (int key : new int[] {evseId, ANY_EVSE}) {
      RemoteStart start = waiting.get(key);
      if (start != null && start.idToken().idToken().equals(idTag)) {
        waiting.remove(key);
        return Optional.of(start);
      }
    }
    return Optional.empty();
  }

  /** {@code idTag} as a 2.0.1 IdToken: of the type a waiting request gave it, else an RFID card's. */
  synchronized IdToken token(String idTag) {
    return waiting.values().stream().map(RemoteStart::idToken).filter(t -> t.idToken().equals(idTag)).findFirst()
        .orElse(IdToken.of(idTag, IdTokenType.ISO14443));
  }
}
