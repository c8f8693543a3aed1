package dev.kilowatt.core.messaging;

import java.util.Optional;

/**
 * The answer to a call from the central system, and the work that must wait until the answer is out (a
 * triggered message, a status notification, a security event).
 */
public record Decision<A>(A answer, Optional<Runnable> work) {

  /** An answer with work that runs once the answer is out. */
  public static <A> Decision<A> then(A answer, Runnable work) {
    return new Decision<>(answer, Optional.of(work));
  }

  /** An answer with nothing to do after it. */
  public static <A> Decision<A> only(A answer) {
    return new Decision<>(answer, Optional.empty());
  }
}
