package dev.kilowatt.core.messaging;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChargePointRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.Request;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.ConnectionSettings;
import dev.kilowatt.core.port.InstalledChargingProfile;
import dev.kilowatt.core.port.ReservationEnd;
import dev.kilowatt.core.port.UnsettledTransaction;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The recent OCPP traffic in both directions, for the diagnostics archive: a bounded log kept by wrapping
 * the central-system link. Passwords in URIs and the values of write-only configuration keys are masked.
 * Safe for use from any thread, since the adapter reports inbound traffic from its own.
 */
public final class TrafficLog {

  /** How many messages are kept; older ones are forgotten. */
  static final int CAPACITY = 1_000;
  /** Longer lines (a big local list, a certificate) are cut. */
  static final int MAX_LINE = 2_000;

  private record Entry(Instant at, String line) {}

  private final Supplier<Instant> clock;
  private final Set<String> secretKeys;
  private final Deque<Entry> entries = new ArrayDeque<>();

  /**
   * A log that masks the values of {@code secretKeys} (ChangeConfiguration of AuthorizationKey).
   *
   * @param clock stamps each entry with the charge point's time
   * @param secretKeys configuration keys whose values never appear in the log
   */
  public TrafficLog(Supplier<Instant> clock, Set<String> secretKeys) {
    this.clock = clock;
    this.secretKeys = Set.copyOf(secretKeys);
  }

  /**
   * The messages between {@code from} and {@code to}, for a GetDiagnostics upload.
   *
   * @param from the oldest time to include (GetDiagnostics startTime); empty for no lower bound
   * @param to the newest time to include (stopTime); empty for no upper bound
   * @return each entry's time and line, oldest first
   */
  public synchronized List<String> between(Optional<Instant> from, Optional<Instant> to) {
    return entries.stream()
        .filter(e -> from.map(f -> !e.at().isBefore(f)).orElse(true) && to.map(t -> !e.at().isAfter(t)).orElse(true))
        .map(e -> e.at() + " " + e.line())
        .toList();
  }

  /**
   * Wraps the connection to the central system so that everything through it is recorded here.
   *
   * @param link the connection to record
   * @return {@code link}, with everything that passes through it recorded here
   */
  public CentralSystem wrap(CentralSystem link) {
    Direction inbound = new Direction("<-");
    Direction outbound = new Direction("->");
    return new CentralSystem() {
      @Override
      public void connect(ConnectionSettings settings, Listener listener) {
        link.connect(settings, new Listener() {
          @Override
          public void onConnected() {
            record("connected");
            listener.onConnected();
          }

          @Override
          public void onDisconnected(String reason) {
            record("disconnected: " + reason);
            listener.onDisconnected(reason);
          }

          @Override
          public void onCallResult(String callId, Response response) {
            listener.onCallResult(callId, inbound.result(callId, response));
          }

          @Override
          public void onCallError(String callId, CallError error) {
            listener.onCallError(callId, inbound.error(callId, error));
          }

          @Override
          public void onCall(String callId, CentralSystemRequest<?> request) {
            listener.onCall(callId, inbound.call(callId, request));
          }

          @Override
          public void onSecurityEvent(String type, String techInfo) {
            record("security event " + type + (techInfo.isEmpty() ? "" : ": " + techInfo));
            listener.onSecurityEvent(type, techInfo);
          }

          @Override
          public void onTransactionsAsked(Consumer<List<UnsettledTransaction>> answer) {
            listener.onTransactionsAsked(answer);
          }

          @Override
          public void onChargingProfilesAsked(Consumer<List<InstalledChargingProfile>> answer) {
            listener.onChargingProfilesAsked(answer);
          }
        });
      }

      @Override
      public void reconfigure(ConnectionSettings settings) {
        link.reconfigure(settings);
      }

      @Override
      public void disconnect() {
        link.disconnect();
      }

      @Override
      public void send(String callId, ChargePointRequest<?> request) {
        link.send(callId, outbound.call(callId, request));
      }

      @Override
      public void reservationEnded(int reservationId, ReservationEnd end) {
        record("reservation " + reservationId + " ended: " + end);
        link.reservationEnded(reservationId, end);
      }

      @Override
      public void reply(String callId, Response response) {
        link.reply(callId, outbound.result(callId, response));
      }

      @Override
      public void replyError(String callId, CallError error) {
        link.replyError(callId, outbound.error(callId, error));
      }
    };
  }

  /** One way over the link: each frame is written down the same way in both, and handed on as it came. */
  private final class Direction {

    private final String arrow;

    Direction(String arrow) {
      this.arrow = arrow;
    }

    private <Q extends Request<?>> Q call(String callId, Q request) {
      record(arrow + " CALL " + callId + " " + request.action().ocppName() + " " + describe(request));
      return request;
    }

    private Response result(String callId, Response response) {
      record(arrow + " CALLRESULT " + callId + " " + describe(response));
      return response;
    }

    private CallError error(String callId, CallError error) {
      record(arrow + " CALLERROR " + callId + " " + error);
      return error;
    }
  }

  /** The write-only configuration values a central system sets are secrets; nothing the charge point sends is one. */
  private String describe(Request<?> request) {
    if (request instanceof ChangeConfigurationRequest change && secretKeys.contains(change.key())) {
      return new ChangeConfigurationRequest(change.key(), "***").toString();
    }
    return request.toString();
  }

  /** A GetConfiguration answer never carries a write-only value; should one slip in, it is not written down either. */
  private String describe(Response response) {
    if (response instanceof GetConfigurationResponse answer) {
      return new GetConfigurationResponse(answer.configurationKey().stream()
          .map(k -> secretKeys.contains(k.key()) ? new KeyValue(k.key(), k.readonly(), k.value().map(v -> "***")) : k)
          .toList(), answer.unknownKey()).toString();
    }
    return response.toString();
  }

  private synchronized void record(String line) {
    String masked = Secrets.masked(line);
    entries.addLast(new Entry(clock.get(), masked.length() > MAX_LINE ? masked.substring(0, MAX_LINE) + "..." : masked));
    while (entries.size() > CAPACITY) {
      entries.removeFirst();
    }
  }
}
