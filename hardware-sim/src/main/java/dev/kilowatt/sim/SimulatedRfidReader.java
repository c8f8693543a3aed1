package dev.kilowatt.sim;

import dev.kilowatt.core.port.RfidReader;
import java.util.Objects;

/** A card reader that reads whatever card the simulator presents. */
public final class SimulatedRfidReader implements RfidReader {

  /** OCPP 1.6 idTags are at most 20 characters (CiString20). */
  private static final int MAX_ID_TAG_LENGTH = 20;

  private RfidReader.Listener listener = idTag -> {};

  /** A reader no card was presented to yet. */
  public SimulatedRfidReader() {}

  @Override
  public synchronized void start(RfidReader.Listener listener) {
    this.listener = listener;
  }

  /**
   * Presents the card {@code idTag} to the reader once.
   *
   * @param idTag the card's id
   * @throws IllegalArgumentException if {@code idTag} is blank or longer than 20 characters
   */
  public synchronized void present(String idTag) {
    Objects.requireNonNull(idTag, "idTag");
    if (idTag.isBlank() || idTag.length() > MAX_ID_TAG_LENGTH) {
      throw new IllegalArgumentException("an idTag has 1 to 20 characters: '" + idTag + "'");
    }
    listener.onCardPresented(idTag);
  }
}
