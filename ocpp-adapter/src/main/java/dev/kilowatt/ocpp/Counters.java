package dev.kilowatt.ocpp;

import dev.kilowatt.core.port.CallError;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How often each kind of trouble happened on the link; see {@link OcppJsonLink#counters()} for the keys. */
final class Counters {

  static final String UNANSWERABLE_FRAMES = "unanswerableFrames";
  static final String UNKNOWN_RESPONSES = "unknownResponses";
  static final String INVALID_CALL_RESULTS = "invalidCallResults";
  static final String BINARY_FRAMES = "binaryFrames";
  static final String DROPPED_OFFLINE = "droppedOffline";
  static final String INVALID_OUTBOUND = "invalidOutbound";
  static final String FAILED_CONNECTS = "failedConnects";
  static final String UNUSABLE_CERTIFICATES = "unusableCertificates";

  private final Map<String, LongAdder> tallies = new ConcurrentHashMap<>();

  Counters() {
    for (CallError.Code code : CallError.Code.values()) {
      tallies.put(code.ocppValue(), new LongAdder());
    }
    for (String key : new String[] {
        UNANSWERABLE_FRAMES, UNKNOWN_RESPONSES, INVALID_CALL_RESULTS, BINARY_FRAMES, DROPPED_OFFLINE,
        INVALID_OUTBOUND, FAILED_CONNECTS, UNUSABLE_CERTIFICATES}) {
      tallies.put(key, new LongAdder());
    }
  }

  void count(String key) {
    tallies.get(key).increment();
  }

  /** Counts an inbound call the adapter answered with this CALLERROR code. */
  void count(CallError.Code answered) {
    count(answered.ocppValue());
  }

  SortedMap<String, Long> snapshot() {
    SortedMap<String, Long> copy = new TreeMap<>();
    tallies.forEach((key, tally) -> copy.put(key, tally.sum()));
    return copy;
  }
}
