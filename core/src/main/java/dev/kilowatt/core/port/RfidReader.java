package dev.kilowatt.core.port;

/** A card reader. Each presentation of a card is reported once, however long the card stays on the reader. */
public interface RfidReader {

  /**
   * Called once with where to report cards and faults.
   *
   * @param listener where cards and faults go
   */
  void start(Listener listener);

  /** Events from the reader, delivered from any thread. */
  interface Listener extends FaultListener {
    /**
     * A card was presented; {@code idTag} is its identifier as the central system knows it (e.g. UID hex).
     *
     * @param idTag the card's identifier
     */
    void onCardPresented(String idTag);
  }
}
