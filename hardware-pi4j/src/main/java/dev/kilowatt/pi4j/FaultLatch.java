package dev.kilowatt.pi4j;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.FaultListener;
import dev.kilowatt.core.port.HardwareFault;
import java.util.Optional;

/** One fault source, so that each appearance, each change of code and each clearing is reported once. */
final class FaultLatch {

  /** {@link HardwareFault#info()} holds at most 50 characters. */
  private static final int MAX_INFO = 50;

  private final String source;
  private Optional<HardwareFault> active = Optional.empty();

  FaultLatch(String source) {
    this.source = source;
  }

  void raise(FaultListener listener, ConnectorFault code, String vendorErrorCode, String info) {
    String shortInfo = info.length() <= MAX_INFO ? info : info.substring(0, MAX_INFO);
    HardwareFault fault = new HardwareFault(source, code, vendorErrorCode, shortInfo);
    if (!active.equals(Optional.of(fault))) {
      active = Optional.of(fault);
      listener.onFault(fault);
    }
  }

  void clear(FaultListener listener) {
    if (active.isPresent()) {
      active = Optional.empty();
      listener.onFaultCleared(source);
    }
  }

  boolean isActive() {
    return active.isPresent();
  }
}
