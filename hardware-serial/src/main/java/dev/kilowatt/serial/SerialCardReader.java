package dev.kilowatt.serial;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.RfidReader;
import java.time.Duration;

/** A card reader on a serial line: a device loop reads it and reports each presentation to the listener. */
abstract class SerialCardReader extends SerialDevice<RfidReader.Listener> implements RfidReader {

  private final CardLoop loop;

  SerialCardReader(CardLoop loop) {
    this.loop = loop;
  }

  @Override
  final CardLoop loop() {
    return loop;
  }

  /** Reads cards off a raw serial line; a card that stays on the reader is reported once per presentation. */
  abstract static class CardLoop extends SerialLinkLoop<RfidReader.Listener> {

    private final PresentationFilter presentations;

    /** @param sameCardGap how long a card must be out of sight before it counts as presented again */
    CardLoop(String device, SerialDeviceConfig config, String faultSource, Duration sameCardGap) {
      super(device, config, faultSource, ConnectorFault.READER_FAILURE);
      this.presentations = new PresentationFilter(sameCardGap);
    }

    /** Reports {@code card}, seen at {@code nowNanos}, if this sighting starts a new presentation. */
    final void sighted(String card, long nowNanos) {
      if (presentations.sighted(card, nowNanos)) {
        notifyListener(l -> l.onCardPresented(card));
      }
    }
  }
}
