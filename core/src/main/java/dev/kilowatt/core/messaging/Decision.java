package dev.kilowatt.core.messaging;

import java.util.Optional;

/**
 * The answer to a call from the central system, and the work that must wait until the answer is out (a
 * triggered message, a status notification, a security event).
 *
 * @param <A> what the block decided, e.g. an accepted or rejected status
 * @param answer what goes into the CALLRESULT
 * @param work runs on the event loop once the answer is out; empty if nothing follows
 */
public record Decision<A>(A answer, Optional<Runnable> work) {

  /**
   * An answer with work that runs once the answer is out.
   *
   * @param <A> what the block decided
   * @param answer what goes into the CALLRESULT
   * @param work runs once the answer is out
   * @return the decision
   */
  public static <A> Decision<A> then(A answer, Runnable work) {
    return new Decision<>(answer, Optional.of(work));
  }

  /**
   * An answer with nothing to do after it.
   *
   * @param <A> what the block decided
   * @param answer what goes into the CALLRESULT
   * @return the decision, with no work
   */
  public static <A> Decision<A> only(A answer) {
    return new Decision<>(answer, Optional.empty());
  }
}
