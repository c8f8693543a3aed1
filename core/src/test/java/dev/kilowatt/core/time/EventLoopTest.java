package dev.kilowatt.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class EventLoopTest {

  @Test
  void aRuntimeExceptionIsCountedAndTheLoopGoesOn() throws InterruptedException {
    try (EventLoop loop = new EventLoop()) {
      CountDownLatch after = new CountDownLatch(1);
      loop.execute(() -> {
        throw new IllegalStateException("a bad answer");
      });
      loop.execute(after::countDown);
      after.await();
      assertEquals(1, loop.failedTasks());
      assertFalse(loop.ended());
    }
  }

  @Test
  void anErrorEndsTheLoop() throws InterruptedException {
    try (EventLoop loop = new EventLoop()) {
      CountDownLatch thrown = new CountDownLatch(1);
      AtomicBoolean ranAfter = new AtomicBoolean();
      loop.execute(() -> {
        thrown.countDown();
        throw new StackOverflowError("deep");
      });
      thrown.await();
      // tasks posted after the Error never run: the loop is gone, not limping on
      while (!loop.ended()) {
        Thread.onSpinWait();
      }
      loop.execute(() -> ranAfter.set(true));
      assertTrue(loop.ended());
      assertFalse(ranAfter.get());
      assertEquals(0, loop.failedTasks());
    }
  }
}
