package dev.kilowatt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What Linux's {@code /proc/PID/status} says about a process's footprint: resident memory now
 * ({@code VmRSS}), its high-water mark ({@code VmHWM}) and the thread count.
 *
 * @param residentKib VmRSS in KiB
 * @param peakResidentKib VmHWM in KiB
 * @param threads Threads
 */
record ProcStatus(long residentKib, long peakResidentKib, long threads) {

  /** Reads the status of process {@code pid}; empty once it has gone. */
  static Optional<ProcStatus> of(long pid) {
    try {
      return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "status"))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Parses the text of a status file; a field the kernel did not print is an error, not a zero. */
  static ProcStatus parse(String status) {
    return new ProcStatus(field(status, "VmRSS"), field(status, "VmHWM"), field(status, "Threads"));
  }

  double residentMib() {
    return residentKib / 1024.0;
  }

  private static long field(String status, String name) {
    OptionalLong value = status.lines()
        .filter(line -> line.startsWith(name + ":"))
        .map(line -> line.substring(name.length() + 1).trim().split("\\s+")[0])
        .mapToLong(Long::parseLong)
        .findFirst();
    return value.orElseThrow(() -> new IllegalArgumentException("no " + name + " in the process status"));
  }
}
