package dev.kilowatt.serial;

import java.time.Duration;
import java.util.Objects;

/**
 * An RDM6300 125 kHz (EM4100) reader module on a UART, 9600 8N1. The module only sends: a 14-byte frame for
 * the card in its field, repeated while the card stays.
 *
 * <p>The idTag is the frame's ten data digits in upper case: the version (customer) byte followed by the
 * 32-bit tag number, e.g. {@code 0F0023A1B2}. Frames with a wrong checksum or shape, and noise, are counted and
 * dropped. A card is reported once per presentation: again only after its frames stopped for the same-card gap.
 *
 * <p>A module that sends nothing cannot be told from one without a card, so the only fault is a port that
 * vanished: a {@code ReaderFailure} from source {@value #FAULT_SOURCE}, vendor code {@code PORT}, cleared when
 * the port can be opened again.
 */
public final class Rdm6300Reader extends SerialCardReader {

  /** The source of this reader's faults. */
  public static final String FAULT_SOURCE = "rfid";
  /** The same-card gap of {@link #Rdm6300Reader(SerialDeviceConfig)}. */
  public static final Duration DEFAULT_SAME_CARD_GAP = Duration.ofSeconds(2);

  /**
   * A reader reached through {@code config} with the {@linkplain #DEFAULT_SAME_CARD_GAP default same-card gap}.
   *
   * @param config the serial port and line settings
   */
  public Rdm6300Reader(SerialDeviceConfig config) {
    this(config, DEFAULT_SAME_CARD_GAP);
  }

  /**
   * A reader reached through {@code config} (its unit id and response timeout are not used).
   *
   * @param sameCardGap how long the module must stay quiet about a card before it counts as presented again
   * @param config the serial port and line settings
   */
  public Rdm6300Reader(SerialDeviceConfig config, Duration sameCardGap) {
    super(new Worker(Objects.requireNonNull(config, "config"), Objects.requireNonNull(sameCardGap, "sameCardGap")));
  }

  private static final class Worker extends CardLoop {

    private final Rdm6300.Parser parser = new Rdm6300.Parser(this::discarded);

    Worker(SerialDeviceConfig config, Duration sameCardGap) {
      super("rdm6300", config, FAULT_SOURCE, sameCardGap);
    }

    @Override
    void exchange() throws DeviceException {
      int n = link.read(buffer, System.nanoTime() + config.pollInterval().toNanos());
      long now = System.nanoTime();
      for (String card : parser.feed(buffer, n)) {
        sighted(card, now);
      }
    }

    @Override
    Duration idleAfterExchange() {
      return Duration.ZERO;
    }
  }
}
