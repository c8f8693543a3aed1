package dev.kilowatt.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The victim of {@link CrashSafetyTest}'s kill test, run in its own JVM: saves an ever longer session
 * record under one key and prints each round once its save has returned, until it is killed.
 */
final class SavingLoop {

  static final String KEY = "tx/session";

  record Session(int round, List<String> meterValues) {}

  /** What round {@code round} saves; the test checks a survivor against it. */
  static Session sessionAt(int round) {
    return new Session(round, IntStream.rangeClosed(1, round).mapToObj(i -> i * 12 + " Wh").toList());
  }

  public static void main(String[] args) {
    FileStorage storage = FileStorage.open(Path.of(args[0]));
    for (int round = 1; ; round++) {
      storage.save(KEY, sessionAt(round));
      System.out.println(round);
      System.out.flush();
    }
  }
}
