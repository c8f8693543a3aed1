package dev.kilowatt.examples.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kilowatt.ocpp.TrafficListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The OCPP traffic for the web console: every frame with the action it belongs to, the latest ones kept so
 * that a page opened late still sees how the session went. Give it to the simulator as (one of) its
 * traffic listeners before the simulator starts, so that the boot is in it too.
 */
public final class LiveTraffic implements TrafficListener {

  /** How many frames a newly opened page is shown. */
  static final int KEPT = 500;
  /** Calls whose answer has not come yet; more than this many means the answers are not coming. */
  private static final int OPEN_CALLS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One frame as the page lists it.
   *
   * @param kind CALL, CALLRESULT or CALLERROR (OCPP-J message types 2, 3 and 4), or MALFORMED
   * @param action the call's action, for an answer the action of the call it answers; "?" when unknown
   */
  record Frame(long sequence, Instant at, Direction direction, String kind, String action, String text) {}

  private final Clock clock;
  private final ArrayDeque<Frame> kept = new ArrayDeque<>();
  private final Map<String, String> actionOfOpenCall = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > OPEN_CALLS;
    }
  };
  private final List<Consumer<Frame>> listeners = new CopyOnWriteArrayList<>();
  private long sequence;

  /** A traffic log whose frames are stamped by the system's UTC clock. */
  public LiveTraffic() {
    this(Clock.systemUTC());
  }

  LiveTraffic(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void onFrame(Direction direction, String text) {
    Frame frame;
    synchronized (this) {
      frame = read(direction, text.strip());
      kept.addLast(frame);
      if (kept.size() > KEPT) {
        kept.removeFirst();
      }
    }
    listeners.forEach(l -> l.accept(frame));
  }

  /** The frames kept, oldest first. */
  synchronized List<Frame> recent() {
    return new ArrayList<>(kept);
  }

  /** {@code listener} hears each frame from now on, on the thread that sent or received it. */
  void listen(Consumer<Frame> listener) {
    listeners.add(listener);
  }

  private Frame read(Direction direction, String text) {
    long number = ++sequence;
    Instant at = clock.instant();
    try {
      JsonNode message = JSON.readTree(text);
      if (message == null || !message.isArray() || message.size() < 3 || !message.get(1).isTextual()) {
        return new Frame(number, at, direction, "MALFORMED", "?", text);
      }
      String callId = message.get(1).asText();
      return switch (message.get(0).asInt()) {
        case 2 -> {
          String action = message.get(2).asText("?");
          actionOfOpenCall.put(key(direction, callId), action);
          yield new Frame(number, at, direction, "CALL", action, text);
        }
        case 3 -> answer(number, at, direction, "CALLRESULT", callId, text);
        case 4 -> answer(number, at, direction, "CALLERROR", callId, text);
        default -> new Frame(number, at, direction, "MALFORMED", "?", text);
      };
    } catch (JsonProcessingException e) {
      return new Frame(number, at, direction, "MALFORMED", "?", text);
    }
  }

  private Frame answer(long number, Instant at, Direction direction, String kind, String callId, String text) {
    // An answer goes the other way from its call.
    Direction callDirection = direction == Direction.SENT ? Direction.RECEIVED : Direction.SENT;
    String action = actionOfOpenCall.remove(key(callDirection, callId));
    return new Frame(number, at, direction, kind, action == null ? "?" : action, text);
  }

  private static String key(Direction direction, String callId) {
    return direction + " " + callId;
  }
}
