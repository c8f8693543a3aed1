package dev.kilowatt.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * What the core logged, as a test reads it. Without SLF4J on the class path the core's System.Logger writes to
 * java.util.logging, where this handler listens; a loop thread may log, so the records are kept thread-safe.
 */
public final class LogRecords extends Handler {

  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  /** {@return the records so far, in the order they were logged; the list fills as more are} */
  public List<LogRecord> records() {
    return records;
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
