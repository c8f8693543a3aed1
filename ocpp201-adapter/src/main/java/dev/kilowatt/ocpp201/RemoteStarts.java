package dev.kilowatt.ocpp201;

import dev.kilowatt.core.port.Storage;
import dev.kilowatt.ocpp201.Enums.IdTokenType;
import dev.kilowatt.ocpp201.Types.IdToken;
import java.util.Optional;

/**
 * What a RequestStartTransaction says that the core's RemoteStartTransaction cannot carry: the
 * remoteStartId, which the Started event of the transaction it led to repeats in its transactionInfo
 * (part 2 F01, with triggerReason RemoteStart), and the IdToken's type.
 *
 * <p>Kept through the {@link Storage} port, so that a power cut loses neither: from the request, by EVSE (0
 * when the CSMS named none), until the Started event it leads to; from then on by that transaction, until its
 * Ended event is answered. The core replays a Started event it has not had answered, after a restart too, and
 * each replay is the same transaction's: it carries the same remoteStartId and trigger reason, and the token its
 * type. IdTokens the station read itself are ISO 14443 cards (the reference device's reader).
 */
final class RemoteStarts {

  /** One accepted request. */
  record RemoteStart(int remoteStartId, IdToken idToken) {
  }

  private static final String PREFIX = "ocpp201/remoteStart/";
  private static final String WAITING = PREFIX + "evse/";
  private static final String STARTED = PREFIX + "tx/";
  private static final int ANY_EVSE = 0;

  private final Storage storage;

  RemoteStarts(Storage storage) {
    this.storage = storage;
  }

  synchronized void remember(Optional<Integer> evseId, int remoteStartId, IdToken idToken) {
    storage.save(WAITING + evseId.orElse(ANY_EVSE), new RemoteStart(remoteStartId, idToken));
  }

  /** The core refused the request for {@code idTag} on {@code evseId}: nothing will start from it. */
  synchronized void refused(int evseId, String idTag) {
    waiting(evseId, idTag).ifPresent(storage::delete);
  }

  /**
   * The request that led to transaction {@code transactionId} for {@code idTag} on {@code evseId}: the one
   * bound to it already, when its Started event goes again, else a waiting one, bound to it from now on.
   */
  synchronized Optional<RemoteStart> started(String transactionId, int evseId, String idTag) {
    String bound = STARTED + TransactionIds.storageKey(transactionId);
    Optional<RemoteStart> again = storage.load(bound, RemoteStart.class);
    if (again.isPresent()) {
      return again;
    }
    Optional<String> key = waiting(evseId, idTag);
    Optional<RemoteStart> start = key.flatMap(k -> storage.load(k, RemoteStart.class));
    start.ifPresent(s -> {
      storage.save(bound, s);
      storage.delete(key.get());
    });
    return start;
  }

  /** The CSMS has the Ended event of {@code transactionId}: its request is let go. */
  synchronized void ended(String transactionId) {
    storage.delete(STARTED + TransactionIds.storageKey(transactionId));
  }

  /** {@code idTag} as a 2.0.1 IdToken: of the type a request gave it, else an RFID card's. */
  synchronized IdToken token(String idTag) {
    return storage.keys(PREFIX).stream().map(k -> storage.load(k, RemoteStart.class)).flatMap(Optional::stream)
        .map(RemoteStart::idToken).filter(t -> t.idToken().equals(idTag)).findFirst()
        .orElse(IdToken.of(idTag, IdTokenType.ISO14443));
  }

  private Optional<String> waiting(int evseId, String idTag) {
    for (int evse : new int[] {evseId, ANY_EVSE}) {
      String key = WAITING + evse;
      if (storage.load(key, RemoteStart.class).filter(s -> s.idToken().idToken().equals(idTag)).isPresent()) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }
}
