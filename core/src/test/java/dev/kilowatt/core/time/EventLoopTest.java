package dev.kilowatt.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.LogRecords;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failed task is what an operator reads in the log. Without SLF4J on the class path the core's
 * System.Logger writes to java.util.logging, where this test listens; the loop thread logs, so the
 * records are kept in a thread-safe list.
 */
class EventLoopTest {

  private final Logger logger = Logger.getLogger(EventLoop.class.getName());
  private final LogRecords collector = new LogRecords();
  private final List<LogRecord> records = collector.records();

  @BeforeEach
  void listen() {
    logger.addHandler(collector);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(collector);
  }

  @Test
  void aRuntimeExceptionIsLoggedAndTheLoopGoesOn() throws InterruptedException {
    try (EventLoop loop = new EventLoop()) {
      CountDownLatch after = new CountDownLatch(1);
      IllegalStateException failure = new IllegalStateException("a bad answer");
      loop.execute(() -> {
        throw failure;
      });
      loop.execute(after::countDown);
      after.await();
      assertEquals(List.of("SEVERE event-loop task failed; the loop goes on"), logged());
      assertEquals(failure, records.getFirst().getThrown());
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
      assertEquals(List.of("SEVERE event-loop task failed with an Error; the loop ends"), logged());
    }
  }

  private List<String> logged() {
    return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
        .map(r -> r.getLevel() + " " + r.getMessage()).toList();
  }
}
