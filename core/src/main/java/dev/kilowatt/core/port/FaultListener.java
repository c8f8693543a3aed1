package dev.kilowatt.core.port;

/** Where a hardware adapter reports faults it detects and their clearing. */
public interface FaultListener {

  /**
   * A fault appeared. Reporting the same fault again while it persists is harmless.
   *
   * @param fault the fault, with the source that will name it when it clears
   */
  default void onFault(HardwareFault fault) {}

  /**
   * The fault with this {@link HardwareFault#source()} is gone.
   *
   * @param source the source the fault was reported with
   */
  default void onFaultCleared(String source) {}
}
