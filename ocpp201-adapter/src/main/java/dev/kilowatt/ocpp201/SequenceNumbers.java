package dev.kilowatt.ocpp201;

import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Storage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seqNo of TransactionEvent (part 2 E01.FR.07, "Sequence Number Generation"): a counter per
 * transaction, 0 on the Started event and one more on every event after it, so that the CSMS can tell
 * whether it has them all. A transaction outlives a restart of the station, so its counter is kept
 * through the Storage port, one small record per running transaction, deleted once its Ended event is
 * answered. The core's retry of an unanswered event is a new event to the CSMS and gets the next number:
 * a duplicate, never a gap.
 *
 * <p>A number is never used twice: the save is written off the loop, and the event that carries the number
 * leaves only once its {@link Ticket} says the save is durable ({@link HeldSends}), so a power cut before that
 * costs a number no CSMS has seen. A save the medium refuses fails its ticket and every later ticket of its
 * transaction not sent yet (their events go after it or not at all), and the counter goes back to the failed
 * number, none of those having been on the wire: the core's retry of those events takes them again, in order,
 * once the medium takes writes.
 */
final class SequenceNumbers {

  private static final String PREFIX = "ocpp201/seqNo/";

  /** The seqNo the next event of one transaction takes. */
  record Next(int seqNo) {
  }

  /** Where a number's save is: written, refused, or neither yet. */
  enum Durability {
    HELD, DURABLE, FAILED
  }

  /** One number taken: the event that carries it waits for its save. */
  static final class Ticket {
    private final String transactionId;
    private final int seqNo;
    private Durability durability = Durability.HELD;

    private Ticket(String transactionId, int seqNo) {
      this.transactionId = transactionId;
      this.seqNo = seqNo;
    }

    /** Whether this is the number {@code event} carries. */
    boolean numbers(Messages.TransactionEventRequest event) {
      return event.seqNo() == seqNo && event.transactionInfo().transactionId().equals(transactionId);
    }
  }

  private final Storage storage;
  private final Runnable settled;
  /** The numbers taken and not sent or dropped yet, by transaction, in the order taken. */
  private final Map<String, List<Ticket>> open = new HashMap<>();
  /** The numbers taken since the last {@link #claim}. */
  private List<Ticket> fresh = new ArrayList<>();

  /** {@code settled} runs on the loop each time a number's save is durable or has failed. */
  SequenceNumbers(Storage storage, Runnable settled) {
    this.storage = storage;
    this.settled = settled;
  }

  /** The seqNo of the next event of {@code transactionId}: 0 for a transaction not seen before. */
  synchronized int take(String transactionId) {
    int seqNo = storage.load(key(transactionId), Next.class).map(Next::seqNo).orElse(0);
    Ticket ticket = new Ticket(transactionId, seqNo);
    open.computeIfAbsent(transactionId, id -> new ArrayList<>()).add(ticket);
    fresh.add(ticket);
    storage.save(key(transactionId), new Next(seqNo + 1), outcome -> settle(ticket, outcome));
    return seqNo;
  }

  /** {@return the numbers taken since the last claim: those of the call just translated} */
  synchronized List<Ticket> claim() {
    List<Ticket> claimed = fresh;
    fresh = new ArrayList<>();
    return claimed;
  }

  synchronized Durability durability(Ticket ticket) {
    return ticket.durability;
  }

  /** The events of {@code tickets} were sent or dropped: nothing changes their fate now. */
  synchronized void done(List<Ticket> tickets) {
    tickets.forEach(t -> {
      List<Ticket> ofTransaction = open.get(t.transactionId);
      if (ofTransaction != null && ofTransaction.remove(t) && ofTransaction.isEmpty()) {
        open.remove(t.transactionId);
      }
    });
  }

  private void settle(Ticket ticket, Journal.Outcome outcome) {
    synchronized (this) {
      if (ticket.durability != Durability.HELD) {
        return; // failed with an earlier number of its transaction
      }
      if (outcome instanceof Journal.Outcome.Durable) {
        ticket.durability = Durability.DURABLE;
      } else {
        open.getOrDefault(ticket.transactionId, List.of()).stream().filter(t -> t.seqNo >= ticket.seqNo)
            .forEach(t -> t.durability = Durability.FAILED);
        // held in memory while the medium refuses writes, and written when it takes them again
        storage.save(key(ticket.transactionId), new Next(ticket.seqNo));
      }
    }
    settled.run();
  }

  /** Whether some transaction has not had its Ended event answered yet. */
  boolean open() {
    return !storage.keys(PREFIX).isEmpty();
  }

  /** The transaction has ended and the CSMS has its last event. */
  void forget(String transactionId) {
    storage.delete(key(transactionId));
  }

  /** Storage keys are letters, digits and {@code ._/-}: the time's colons become dots. */
  private static String key(String transactionId) {
    return PREFIX + transactionId.replace(':', '.');
  }
}
