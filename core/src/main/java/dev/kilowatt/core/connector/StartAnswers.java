package dev.kilowatt.core.connector;

/**
 * The StartTransaction answers being made durable. The central system knows a transactionId from the moment
 * it answered, the charge point only once that answer is saved (on slow flash that takes a while, and a
 * StatusNotification Charging may already be out). A call about the transaction that arrives in between
 * waits for the save rather than be told the id is unknown.
 */
@FunctionalInterface
public interface StartAnswers {

  /**
   * Runs {@code again} once the answer that gave {@code transactionId} is durable, or as soon as its save is
   * held by a storage fault (then the id is still unknown, and the call is answered as for any unknown id
   * rather than wait for the medium to recover).
   *
   * @param transactionId the id the central system gave
   * @param again the call's handling, tried again once the answer's fate is known
   * @return whether {@code again} will run; false when no answer with that id is being saved
   */
  boolean whenSaved(int transactionId, Runnable again);
}
