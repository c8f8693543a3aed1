package dev.kilowatt.ocpp;

import dev.kilowatt.core.message.Action;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which action each of our unanswered calls performs, so that its CALLRESULT can be decoded. Calls the
 * central system never answers are forgotten once newer ones push them out (the domain times them out on
 * its own), and all are forgotten when the connection drops, since no answer can come on a new one.
 */
final class PendingCalls {

  private static final int CAPACITY = 32;

  private final Map<String, Action> actions = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Action> eldest) {
      return size() > CAPACITY;
    }
  };

  synchronized void add(String callId, Action action) {
    actions.put(callId, action);
  }

  /** The action of call {@code callId}, which is no longer pending afterwards. */
  synchronized Optional<Action> take(String callId) {
    return Optional.ofNullable(actions.remove(callId));
  }

  synchronized void clear() {
    actions.clear();
  }
}
