package dev.kilowatt.serial;

import dev.kilowatt.core.port.Relay;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay port of an EVSE board that switches its own contactor: the board closes it while the EV asks for
 * energy (state C/D) and current is offered, and opens it otherwise, so our commands are accepted and ignored.
 * No auxiliary contact reaches us, so there is no feedback; a stuck relay shows up as a fault state of the board
 * on the pilot port.
 */
final class BoardRelay implements Relay {

  private static final Logger log = LoggerFactory.getLogger(BoardRelay.class);

  private final String board;

  BoardRelay(String board) {
    this.board = board;
  }

  @Override
  public void start(Listener listener) {
    Objects.requireNonNull(listener, "listener");
  }

  @Override
  public void close() {
    log.debug("{} switches its own relay: close ignored", board);
  }

  @Override
  public void open() {
    log.debug("{} switches its own relay: open ignored", board);
  }
}
