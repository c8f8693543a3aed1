package dev.kilowatt.core.port;

/** Where a hardware adapter reports faults it detects and their clearing. */
public interface FaultListener {

  /** A fault appeared. Reporting the same fault again while it persists is harmless. */
  default void onFault(HardwareFault fault) {}

  /** The fault with this {@link HardwareFault#source()} is gone. */
  default void onFaultCleared(String source) {}
}
