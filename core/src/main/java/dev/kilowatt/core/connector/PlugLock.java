package dev.kilowatt.core.connector;

import dev.kilowatt.core.ConnectorHardware;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A connector's socket lock as it was told and as its feedback reports it; a fixed cable has none. */
final class PlugLock {

  private final ConnectorHardware hardware;
  /** Whether the socket's lock was told to hold the plug, and whether its feedback says it does. */
  private boolean plugHeld;
  private boolean plugLocked;
  /** Who waits to hear whether the lock opened (true) or failed to (false). */
  private final List<Consumer<Boolean>> unlockWaiters = new ArrayList<>();

  PlugLock(ConnectorHardware hardware) {
    this.hardware = hardware;
  }

  /** Commands the lock to hold or release the plug, unless it was told so already. */
  void hold(boolean hold) {
    if (hold == plugHeld || hardware.lock().isEmpty()) {
      return;
    }
    plugHeld = hold;
    if (hold) {
      hardware.lock().get().lock();
    } else {
      hardware.lock().get().unlock();
    }
  }

  /** The lock's feedback; an open lock answers whoever waits for it. */
  void reports(boolean locked) {
    plugLocked = locked;
    if (!locked) {
      settleUnlock(true);
    }
  }

  /** The lock did not reach where it was sent: whoever waits for it to open hears it failed. */
  void failed() {
    if (plugLocked) {
      settleUnlock(false);
    }
  }

  /** Calls {@code done} once the lock is open (true) or failed to open (false); at once if it is open. */
  void awaitUnlocked(Consumer<Boolean> done) {
    if (!plugLocked) {
      done.accept(true);
    } else {
      unlockWaiters.add(done);
    }
  }

  /** Whether the plug cannot be pulled: the lock holds it, or there is a fixed cable and no lock. */
  boolean secures() {
    return hardware.lock().isEmpty() || plugLocked;
  }

  private void settleUnlock(boolean unlocked) {
    List<Consumer<Boolean>> waiting = List.copyOf(unlockWaiters);
    unlockWaiters.clear();
    waiting.forEach(w -> w.accept(unlocked));
  }
}
