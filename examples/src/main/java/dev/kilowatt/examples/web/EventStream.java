package dev.kilowatt.examples.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The pages watching the station, each on a server-sent event stream (text/event-stream): every page hears
 * every event, in order. A page that stops reading is dropped once its backlog is full or its connection fails.
 */
final class EventStream {

  /** An event a page has not read yet; beyond this many, the page is too slow and is dropped. */
  static final int BACKLOG = 2_000;
  /** A comment sent when nothing else is, so that a closed page is noticed and proxies keep the stream. */
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  /** Put in a page's queue to end its stream; every real event has text. */
  private static final String CLOSE = "";

  private final List<BlockingQueue<String>> pages = new CopyOnWriteArrayList<>();

  /** Sends {@code data} (one line of JSON) as an event named {@code name} to every page. */
  void publish(String name, String data) {
    String event = event(name, data);
    for (BlockingQueue<String> page : pages) {
      if (!page.offer(event)) {
        drop(page);
      }
    }
  }

  /**
   * Serves one page until it goes away: the events {@code first} lists once the page hears what is published, then those.
   * Blocks the calling thread (the web server gives each request a virtual thread).
   */
  void serve(HttpExchange exchange, Supplier<List<String>> first) throws IOException {
    BlockingQueue<String> page = new LinkedBlockingQueue<>(BACKLOG);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      pages.add(page);
      for (String event : first.get()) {
        out.write(event.getBytes(StandardCharsets.UTF_8));
      }
      out.flush();
      while (true) {
        String event = page.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
        if (event != null && event.isEmpty()) {
          return;
        }
        out.write((event == null ? ": still here\n\n" : event).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pages.remove(page);
    }
  }

  /** Ends every page's stream. */
  void closeAll() {
    pages.forEach(this::drop);
  }

  private void drop(BlockingQueue<String> page) {
    pages.remove(page);
    page.clear();
    page.offer(CLOSE);
  }

  static String event(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }
}
