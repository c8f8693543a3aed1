package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.fail;

import dev.kilowatt.ocpp.SecurityFinding;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A stand-in for the station behind a link: it records what the link reports and answers calls as told. */
final class StationProbe implements Ocpp201Link.Listener {

  /** Security profile 0 without pings: what the link tests that are not about security connect with. */
  static final Handshake PROFILE_0 = new Handshake(Optional.empty(), Optional.empty(), 0);

  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final Consumer<IncomingCall<?>> answering;

  /** A disconnection, as recorded. */
  record Disconnected(String reason) {
  }

  StationProbe(Consumer<IncomingCall<?>> answering) {
    this.answering = answering;
  }

  @Override
  public void connected(Subprotocol subprotocol) {
    events.add(subprotocol);
  }

  @Override
  public void disconnected(String reason) {
    events.add(new Disconnected(reason));
  }

  @Override
  public void securityEvent(SecurityFinding finding) {
    events.add(finding);
  }

  @Override
  public void callReceived(IncomingCall<?> call) {
    events.add(call);
    answering.accept(call);
  }

  /** The next event the link reported; a guard against a hang fails the test after a minute. */
  Object next() {
    try {
      Object event = events.poll(60, TimeUnit.SECONDS);
      return event == null ? fail("the link reported nothing") : event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }
}
