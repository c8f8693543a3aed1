package dev.kilowatt.ocpp201;

import java.util.function.BooleanSupplier;

/**
 * A Reset OnIdle of the CSMS (part 2 B12) that arrives while a transaction is open waits here until no transaction
 * is open; the core has no such reset, so the station hands it a soft one then. Transactions count as open until
 * their Ended event is answered.
 */
final class OnIdleReset implements CsmsCalls.IdleReset {

  private final BooleanSupplier transactionOpen;
  private final Runnable reset;
  private boolean waiting;

  /** {@code reset} hands the core its reset; it is run outside this object's lock. */
  OnIdleReset(BooleanSupplier transactionOpen, Runnable reset) {
    this.transactionOpen = transactionOpen;
    this.reset = reset;
  }

  /** An OnIdle reset arrived: waits if a transaction is open, and says whether it does. */
  @Override
  public synchronized boolean resetWhenIdle() {
    waiting = transactionOpen.getAsBoolean();
    return waiting;
  }

  /** An Ended event was answered: the reset that waited for it goes to the core now. */
  void transactionEnded() {
    boolean now;
    synchronized (this) {
      now = waiting && !transactionOpen.getAsBoolean();
      waiting &= !now;
    }
    if (now) {
      reset.run();
    }
  }
}
