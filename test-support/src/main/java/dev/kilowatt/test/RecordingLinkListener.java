package dev.kilowatt.test;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.CentralSystem;
import dev.kilowatt.core.port.InstalledChargingProfile;
import dev.kilowatt.core.port.UnsettledTransaction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The core's side of a {@link CentralSystem} link, for testing a link adapter: it records what the link
 * reports, in order, for a test to take one by one. A link reports from its own threads, so taking waits
 * (bounded) for the next report.
 */
public class RecordingLinkListener implements CentralSystem.Listener {

  /** One report of the link. */
  public sealed interface Event permits Connected, Disconnected, Result, Failed, Call, SecurityEvent, TransactionsAsked,
      ProfilesAsked {
  }

  /** The link connected. */
  public record Connected() implements Event {
  }

  /**
   * The link went down.
   *
   * @param reason why, for people
   */
  public record Disconnected(String reason) implements Event {
  }

  /**
   * The central system answered one of the core's calls.
   *
   * @param callId the call's unique id
   * @param response the answer
   */
  public record Result(String callId, Response response) implements Event {
  }

  /**
   * One of the core's calls failed: a CALLERROR, or a call that could not be sent.
   *
   * @param callId the call's unique id
   * @param error what went wrong
   */
  public record Failed(String callId, CallError error) implements Event {
  }

  /**
   * The central system called.
   *
   * @param callId the call's unique id, to answer with
   * @param request what it asks
   */
  public record Call(String callId, CentralSystemRequest<?> request) implements Event {
  }

  /**
   * The link saw a security event.
   *
   * @param type the event's name, as the security white paper spells it
   * @param techInfo free text for people
   */
  public record SecurityEvent(String type, String techInfo) implements Event {
  }

  /**
   * The link asked after the core's unsettled transactions.
   *
   * @param answer where the core's answer goes
   */
  public record TransactionsAsked(Consumer<List<UnsettledTransaction>> answer) implements Event {
  }

  /**
   * The link asked which charging profiles the core holds.
   *
   * @param answer where the core's answer goes
   */
  public record ProfilesAsked(Consumer<List<InstalledChargingProfile>> answer) implements Event {
  }

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Duration patience;

  /**
   * A listener whose {@link #next} waits at most {@code patience} for a report.
   *
   * @param patience how long a report may take to arrive before the test fails
   */
  public RecordingLinkListener(Duration patience) {
    this.patience = patience;
  }

  /**
   * Takes the next report, which must be of {@code type}.
   *
   * @param <E> the kind of report
   * @param type the kind of report expected
   * @return the report
   * @throws AssertionError if none arrives in time or it is of another kind
   */
  public <E extends Event> E next(Class<E> type) {
    Event event;
    try {
      event = events.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + type.getSimpleName(), e);
    }
    if (event == null) {
      throw new AssertionError("no " + type.getSimpleName() + " within " + patience.toSeconds() + " s");
    }
    if (!type.isInstance(event)) {
      throw new AssertionError("expected " + type.getSimpleName() + ", the link reported " + event);
    }
    return type.cast(event);
  }

  /** {@return the reports not taken yet, oldest first} */
  public List<Event> untaken() {
    return List.copyOf(events);
  }

  /** {@return whether every report has been taken} */
  public boolean quiet() {
    return events.isEmpty();
  }

  @Override
  public void onConnected() {
    events.add(new Connected());
  }

  @Override
  public void onDisconnected(String reason) {
    events.add(new Disconnected(reason));
  }

  @Override
  public void onCallResult(String callId, Response response) {
    events.add(new Result(callId, response));
  }

  @Override
  public void onCallError(String callId, CallError error) {
    events.add(new Failed(callId, error));
  }

  @Override
  public void onCall(String callId, CentralSystemRequest<?> request) {
    events.add(new Call(callId, request));
  }

  @Override
  public void onSecurityEvent(String type, String techInfo) {
    events.add(new SecurityEvent(type, techInfo));
  }

  @Override
  public void onTransactionsAsked(Consumer<List<UnsettledTransaction>> answer) {
    events.add(new TransactionsAsked(answer));
  }

  @Override
  public void onChargingProfilesAsked(Consumer<List<InstalledChargingProfile>> answer) {
    events.add(new ProfilesAsked(answer));
  }
}
