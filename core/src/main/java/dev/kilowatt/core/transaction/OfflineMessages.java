package dev.kilowatt.core.transaction;

import dev.kilowatt.core.ledger.Ledger;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.messaging.Outbox.Queued;
import dev.kilowatt.core.port.CallOrigin;
import dev.kilowatt.core.port.Journal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which transaction messages were made while the central system could not be reached: OCPP 2.0.1 sends those with
 * {@code offline} true (part 2 E04.FR.03, E12.FR.02), 1.6 says nothing of it. Unreachable is the core's own offline,
 * the one it authorizes offline in: no connection, or one whose BootNotification is not accepted yet, when no
 * transaction message may go (1.6 section 4.2, 2.0.1 B02). A mark is one record in the transaction's part of the
 * journal, written before the message's own, so it is durable before the message can go and survives a restart
 * with it; an answered sample's mark is forgotten with it, the others with their transaction.
 */
final class OfflineMessages {

  /**
   * The journal record of one mark.
   *
   * @param message the marked message's sequence in its transaction, as {@link Queued#sequence()} numbers it
   */
  public record Mark(long message) {}

  private final Ledger ledger;
  private final Outbox outbox;
  /** The marked sequences, by the charger's number of their transaction. */
  private final Map<Long, Set<Long>> marks = new HashMap<>();

  OfflineMessages(Ledger ledger, Outbox outbox) {
    this.ledger = ledger;
    this.outbox = outbox;
  }

  /** Message {@code sequence} of transaction {@code number} is being made: marked when nothing can reach the central system now. */
  void made(long number, long sequence) {
    if (!outbox.canSendNow()) {
      marks.computeIfAbsent(number, n -> new HashSet<>()).add(sequence);
      ledger.write(key(number, sequence), new Mark(sequence), () -> {});
    }
  }

  /** A sample was answered or dropped: its mark goes, for a later sample may take its sequence after a restart. */
  void settled(long number, long sequence) {
    Set<Long> marked = marks.get(number);
    if (marked != null && marked.remove(sequence)) {
      ledger.forget(key(number, sequence), () -> {});
    }
  }

  /** The transaction is settled: its marks go with the rest of its records. */
  void finished(long number) {
    marks.remove(number);
  }

  CallOrigin origin(Queued queued) {
    return marks.getOrDefault(queued.transaction(), Set.of()).contains(queued.sequence()) ? CallOrigin.OFFLINE : CallOrigin.ONLINE;
  }

  /** A mark of transaction {@code number} read back at start-up. */
  void replayed(Journal.Entry entry, long number) {
    entry.payload(Mark.class).ifPresent(mark -> marks.computeIfAbsent(number, n -> new HashSet<>()).add(mark.message()));
  }

  private static String key(long number, long sequence) {
    // fixed width, so forgetting one mark's key as a prefix forgets no other
    return TransactionLedger.key(number, String.format("offline/%019d", sequence));
  }
}
