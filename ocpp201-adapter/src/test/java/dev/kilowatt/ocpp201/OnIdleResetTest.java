package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OnIdleResetTest {

  private boolean open;
  private int resets;
  private final OnIdleReset idle = new OnIdleReset(() -> open, () -> resets++);

  @Test
  void aResetDuringATransactionWaitsUntilNoTransactionIsOpenAndGoesOnce() {
    open = true;
    assertTrue(idle.resetWhenIdle());

    idle.transactionEnded(); // another transaction still open
    assertEquals(0, resets);
    open = false;
    idle.transactionEnded();
    assertEquals(1, resets);
    idle.transactionEnded();
    assertEquals(1, resets, "a reset goes once");
  }

  @Test
  void aResetWithoutAnOpenTransactionDoesNotWaitAndALaterEndResetsNothing() {
    assertFalse(idle.resetWhenIdle());

    idle.transactionEnded();
    assertEquals(0, resets);
  }
}
