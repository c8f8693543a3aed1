package dev.kilowatt.ocpp201;

import dev.kilowatt.core.ledger.Ledger;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.ocpp201.SequenceNumbers.Durability;
import dev.kilowatt.ocpp201.SequenceNumbers.Ticket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's calls on their way out, in the order the core made them, each held until the seqNo of every
 * TransactionEvent it became is durable ({@link SequenceNumbers}): a slow flash write delays what follows it
 * and never reorders it. A call with no event waits only behind those before it.
 *
 * <p>A TransactionEvent whose seqNo the storage refused is not sent (sent, its number could go out again
 * after a power cut): it is logged as an error, counted ({@link #dropped()}) and left unanswered, as one lost
 * with its connection is, so that the core, which keeps its transaction messages in its durable ledger,
 * times it out and sends it again. What else the call became (the StatusNotification before a charging state's
 * event) goes.
 */
final class HeldSends {

  private static final Logger LOG = LoggerFactory.getLogger(HeldSends.class);

  private record Held(Outbound outbound, List<Ticket> tickets, Consumer<Outbound> go,
      Consumer<Messages.Request<?>> unsent) {
  }

  /**
   * What the adapter's storage tells of a fault: the events it holds up are logged and counted one by one, so this
   * only says what the fault means here (the storage logs the fault itself). The core hears of its own storage's
   * faults from its own write-behind: the adapter's keys are not the core's to report.
   */
  static final Ledger.FaultListener FAULTS = new Ledger.FaultListener() {
    @Override
    public void onFault(String reason) {
      LOG.error("the storage refuses the adapter's writes ({}): TransactionEvents go unsent until it takes them", reason);
    }

    @Override
    public void onCleared() {
      LOG.info("the storage takes the adapter's writes again");
    }
  };

  private final Deque<Held> waiting = new ArrayDeque<>();
  private final SequenceNumbers sequenceNumbers;
  private final BooleanSupplier connected;
  private long dropped;

  /**
   * Calls whose events are numbered through {@code storage} (whose outcomes come on the loop), sent while
   * {@code connected}.
   */
  HeldSends(Storage storage, BooleanSupplier connected) {
    this.sequenceNumbers = new SequenceNumbers(storage, this::release);
    this.connected = connected;
  }

  /** {@return the numbers the calls wait for} */
  SequenceNumbers sequenceNumbers() {
    return sequenceNumbers;
  }

  /**
   * Translates a call of the core's (numbering its events), and hands it to {@code go} once it may leave; one that
   * cannot be translated is refused as an InternalError. While disconnected the call is dropped, as the port has it,
   * also one whose connection was lost while it waited. {@code unsent} hears of each request of it not sent because
   * its seqNo is not durable.
   */
  synchronized void send(Supplier<Outbound> translate, Consumer<Outbound> go, Consumer<Messages.Request<?>> unsent) {
    if (!connected.getAsBoolean()) {
      return;
    }
    Outbound outbound;
    try {
      outbound = translate.get();
    } catch (IllegalArgumentException e) {
      outbound = new Outbound.Refuse(new CallError(CallError.Code.INTERNAL_ERROR, e.getMessage()));
    }
    waiting.add(new Held(outbound, sequenceNumbers.claim(), go, unsent));
    release();
  }

  /** A save settled: the calls at the head whose numbers are all settled leave, in order. */
  synchronized void release() {
    while (!waiting.isEmpty() && waiting.peek().tickets().stream()
        .noneMatch(t -> sequenceNumbers.durability(t) == Durability.HELD)) {
      Held next = waiting.poll();
      Optional<Outbound> leaving = leaving(next);
      sequenceNumbers.done(next.tickets());
      leaving.filter(o -> connected.getAsBoolean()).ifPresent(next.go());
    }
  }

  /** {@return how many TransactionEvents were not sent because the storage refused their seqNo} */
  synchronized long dropped() {
    return dropped;
  }

  /** What of {@code held} may go: all of it but the events whose number failed. */
  private Optional<Outbound> leaving(Held held) {
    return switch (held.outbound()) {
      case Outbound.Send<?> send -> goes(held, send.request()) ? Optional.of(send) : Optional.empty();
      case Outbound.Then then -> {
        boolean first = goes(held, then.first().request());
        boolean next = goes(held, then.next());
        yield first && next ? Optional.of(then) : first ? Optional.of(then.first()) : Optional.empty();
      }
      case Outbound.Answer answer -> Optional.of(answer);
      case Outbound.Refuse refuse -> Optional.of(refuse);
    };
  }

  private boolean goes(Held held, Messages.Request<?> request) {
    if (!(request instanceof Messages.TransactionEventRequest event)
        || held.tickets().stream().filter(t -> t.numbers(event))
            .allMatch(t -> sequenceNumbers.durability(t) == Durability.DURABLE)) {
      return true;
    }
    dropped++;
    LOG.error("TransactionEvent {} seqNo {} not sent: the storage refused its seqNo; the core sends it again",
        event.transactionInfo().transactionId(), event.seqNo());
    held.unsent().accept(request);
    return false;
  }
}
