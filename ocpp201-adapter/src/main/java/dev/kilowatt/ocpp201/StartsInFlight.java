package dev.kilowatt.ocpp201;

import dev.kilowatt.core.port.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transactions whose Started event the CSMS has not answered yet, and the CSMS's calls about them that
 * wait for that answer. In 2.0.1 the station names a transaction (part 2 E), so the CSMS knows its id from
 * the Started event itself and may stop it before answering; the core learns the id only from that answer
 * (its 1.6 StartTransaction.conf), and would refuse a stop of an id it does not know. So such a call is
 * handed to the core only once the core has heard the answer, or once the Started event failed and the
 * core will send it again.
 */
final class StartsInFlight {

  private final Scheduler loop;
  /** The station's ids of the unanswered Started events, each with the calls waiting for its answer. */
  private final Map<String, List<Runnable>> waiting = new HashMap<>();

  StartsInFlight(Scheduler loop) {
    this.loop = loop;
  }

  /** The Started event of {@code transactionId} goes to the CSMS. */
  synchronized void sent(String transactionId) {
    waiting.putIfAbsent(transactionId, new ArrayList<>());
  }

  /**
   * The Started event of {@code transactionId} was answered or refused. The waiting calls run in a later
   * task of the loop: this runs while the answer is on its way to the core, which hears it first.
   */
  void settled(String transactionId) {
    List<Runnable> calls;
    synchronized (this) {
      calls = waiting.remove(transactionId);
    }
    if (calls != null) {
      calls.forEach(loop::execute);
    }
  }

  /** Runs {@code call} now, or, if it names a transaction whose Started event is unanswered, once it is settled. */
  void after(Optional<String> transactionId, Runnable call) {
    synchronized (this) {
      List<Runnable> calls = transactionId.map(waiting::get).orElse(null);
      if (calls != null) {
        calls.add(call);
        return;
      }
    }
    call.run();
  }

  /**
   * Runs {@code call} now, or once every Started event unanswered now is settled: for a call answered from the
   * core's running transactions (a triggered TransactionEvent), which the core knows by id only from that answer.
   */
  void afterAll(Runnable call) {
    synchronized (this) {
      Optional<List<Runnable>> some = waiting.values().stream().findFirst();
      if (some.isPresent()) {
        some.get().add(() -> afterAll(call));
        return;
      }
    }
    call.run();
  }

  /** The connection is gone: the unanswered events are lost, and so are the CSMS's calls waiting on them. */
  synchronized void lost() {
    waiting.clear();
  }
}
