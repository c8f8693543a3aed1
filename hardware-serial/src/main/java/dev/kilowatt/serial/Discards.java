package dev.kilowatt.serial;

/** Where a frame parser reports input it had to throw away. */
@FunctionalInterface
interface Discards {
  void discarded(int bytes, String what);
}
