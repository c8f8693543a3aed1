package dev.kilowatt.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.AuthorizationStatus;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.IdTagInfo;
import dev.kilowatt.core.message.MeterValuesRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.message.StartTransactionRequest;
import dev.kilowatt.core.message.StartTransactionResponse;
import dev.kilowatt.core.message.StopTransactionRequest;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.test.ScriptedCentralSystem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The power goes after the k-th journal write, for every k over a session with starts, samples, stops,
 * an offline period and answers in flight; the charger boots again on what the flash kept. Checked
 * against a central system that remembers across the reboots: every transaction it opened is stopped
 * exactly once with the transactionId it gave, what it answered comes again at most once per cut (the
 * one answer whose record the cut caught: docs/ledger.md, "The duplicate window"), energy never runs
 * backwards.
 */
class LedgerCrashPointTest {

  /** The central system's side, across the charger's reboots. */
  private static final class Books {
    final Map<String, Integer> idByStart = new HashMap<>();
    final Map<Integer, Long> meterStartById = new HashMap<>();
    final Map<Integer, Integer> stops = new HashMap<>();
    final Map<Integer, Long> lastEnergyById = new HashMap<>();
    final Set<ChargePointRequest<?>> answered = new HashSet<>();
    final List<String> problems = new ArrayList<>();
    int repeats;
    int nextId = 500;

    Response answer(ScriptedCentralSystem cs, ChargePointRequest<?> request) {
      boolean transactional = request instanceof StartTransactionRequest || request instanceof StopTransactionRequest
          || request instanceof MeterValuesRequest values && values.transactionId().isPresent();
      boolean fresh = !transactional || answered.add(request);
      if (!fresh) {
        repeats++;
      }
      switch (request) {
        case StartTransactionRequest start -> {
          // a repeated start carries the same connector, idTag, meterStart and timestamp: recognised, same id
          int id = idByStart.computeIfAbsent(start.connectorId() + "/" + start.idTag() + "/" + start.meterStart() + "/" + start.timestamp(),
              k -> nextId++);
          meterStartById.put(id, (long) start.meterStart());
          return new StartTransactionResponse(new IdTagInfo(AuthorizationStatus.ACCEPTED, Optional.empty(), Optional.empty()), id);
        }
        case StopTransactionRequest stop -> {
          if (!meterStartById.containsKey(stop.transactionId())) {
            problems.add("stop of a transaction never opened: " + stop.transactionId());
          } else if (stop.meterStop() < meterStartById.get(stop.transactionId())) {
            problems.add("energy ran backwards in " + stop);
          }
          if (fresh) {
            stops.merge(stop.transactionId(), 1, Integer::sum);
          }
        }
        case MeterValuesRequest values when values.transactionId().isPresent() -> {
          long wh = (long) Double.parseDouble(values.meterValue().getFirst().sampledValue().getFirst().value());
          Long before = lastEnergyById.put(values.transactionId().get(), wh);
          if (before != null && wh < before) {
            problems.add("energy ran backwards in " + values);
          }
        }
        default -> {}
      }
      return cs.friendlyAnswer(request);
    }
  }

  @Test
  void everyCutLeavesEveryOpenedTransactionStoppedOnceWithItsId() {
    long writes = session(Long.MAX_VALUE).flash.writes();
    assertTrue(writes > 20, "the session writes enough to cut it in many places: " + writes);
    for (long k = 0; k <= writes; k++) {
      session(k);
    }
  }

  private Harness session(long cutAfter) {
    Books books = new Books();
    Harness h = new Harness().configure("MeterValueSampleInterval", "60").configure("AllowOfflineTxForUnknownId", "true")
        .configure("MeterValuesSampledData", "Energy.Active.Import.Register");
    h.flash.losePowerAfter(cutAfter);
    boot(h, books, false);
    List<Runnable> steps = List.of(
        () -> h.ev(PilotState.C), () -> h.card("CARD"), () -> charge(h, 150), () -> h.card("CARD"), () -> h.ev(PilotState.A),
        () -> h.cs.goOffline(), () -> h.ev(PilotState.C), () -> h.card("CARD"), () -> charge(h, 200), () -> h.cs.goOnline(),
        () -> charge(h, 70), () -> h.card("CARD"), () -> h.ev(PilotState.A),
        () -> h.ev(PilotState.C), () -> h.card("CARD"), () -> charge(h, 90));
    for (Runnable step : steps) {
      if (h.flash.powerCut()) {
        break;
      }
      step.run();
      h.run();
    }
    do {
      // the cut may also come while the charger recovers: then it boots once more
      boot(h, books, true);
      h.advance(Duration.ofMinutes(10));
      h.run();
    } while (h.flash.powerCut());
    String at = "cut after write " + cutAfter + ": ";
    assertEquals(List.of(), books.problems, at);
    books.meterStartById.keySet().forEach(id -> assertEquals(1, books.stops.getOrDefault(id, 0), at + "stops of transaction " + id));
    assertTrue(books.repeats <= 1, at + books.repeats + " answered messages sent again");
    return h;
  }

  private static void charge(Harness h, int seconds) {
    h.meter().read(h.meter().energyWh + seconds * 2.0, 7_000);
    h.advance(Duration.ofSeconds(seconds));
    h.run();
  }

  private static void boot(Harness h, Books books, boolean again) {
    if (again) {
      h.restart();
    } else {
      h.start();
    }
    h.cs.answerWith(request -> books.answer(h.cs, request));
    h.cs.poweredWhile(() -> !h.flash.powerCut());
    h.cs.goOnline();
    h.run();
  }
}
