package dev.kilowatt.sim;

import dev.kilowatt.core.port.FaultListener;
import dev.kilowatt.core.port.HardwareFault;
import java.util.function.Supplier;

/** The fault of a part that disagrees with its last command: reported once, cleared once the part agrees again. */
final class MismatchFault {

  private final String source;
  private boolean reported;

  MismatchFault(String source) {
    this.source = source;
  }

  /** Reports {@code fault} when a mismatch begins and its clearing when it ends; repeats change nothing. */
  void update(boolean mismatch, FaultListener listener, Supplier<HardwareFault> fault) {
    if (mismatch && !reported) {
      reported = true;
      listener.onFault(fault.get());
    } else if (!mismatch && reported) {
      reported = false;
      listener.onFaultCleared(source);
    }
  }
}
