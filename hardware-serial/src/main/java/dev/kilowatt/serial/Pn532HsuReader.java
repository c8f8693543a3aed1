package dev.kilowatt.serial;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An NXP PN532 (13.56 MHz, ISO 14443A / MIFARE) in HSU mode on a UART, 115200 8N1.
 *
 * <p>Set-up after every (re)connect: the HSU wake-up preamble with SAMConfiguration (normal mode), then
 * RFConfiguration MaxRetries so that InListPassiveTarget gives up when no card is there (by default it waits
 * for ever). Then every poll interval (200–300 ms suits people at a charger) one InListPassiveTarget for a
 * 106 kbps type A target; a card's UID (4, 7 or 10 bytes) is its idTag as upper-case hex, the same string an
 * MFRC522 reader gives. A card lying on the reader is reported once: again only after it was away for the
 * same-card gap.
 *
 * <p>No ACK to a command (reader unpowered or unplugged) is reported, after three tries in a row, as a
 * {@code ReaderFailure} from source {@value #FAULT_SOURCE} with vendor code {@code NO_READER}; corrupt frames
 * as {@code CHECKSUM}, an ACK without response as {@code TIMEOUT}, a vanished port as {@code PORT}. The reader is
 * set up again before each retry, and the fault is cleared when it answers.
 */
public final class Pn532HsuReader extends SerialCardReader {

  /** The source of this reader's faults. */
  public static final String FAULT_SOURCE = "rfid";
  /** The same-card gap of {@link #Pn532HsuReader(SerialDeviceConfig)}. */
  public static final Duration DEFAULT_SAME_CARD_GAP = Duration.ofSeconds(2);

  /** SAMConfiguration: normal mode (no SAM), virtual-card timeout 1 s (unused in normal mode), IRQ pin used. */
  private static final byte[] SET_UP = concat(Pn532.WAKE_UP, Pn532.command(Pn532.SAM_CONFIGURATION, 0x01, 0x14, 0x01));
  /** RFConfiguration item 5 (MaxRetries): ATR 0xFF, PSL 0x01 (the defaults), passive activation: one retry. */
  private static final byte[] LIMIT_RETRIES = Pn532.command(Pn532.RF_CONFIGURATION, 0x05, 0xFF, 0x01, 0x01);
  /** InListPassiveTarget: at most one target, 106 kbps type A. */
  private static final byte[] POLL = Pn532.command(Pn532.IN_LIST_PASSIVE_TARGET, 0x01, 0x00);

  private static final Logger log = LoggerFactory.getLogger(Pn532HsuReader.class);

  /**
   * A reader reached through {@code config} with the {@linkplain #DEFAULT_SAME_CARD_GAP default same-card gap}.
   *
   * @param config the serial port and line settings
   */
  public Pn532HsuReader(SerialDeviceConfig config) {
    this(config, DEFAULT_SAME_CARD_GAP);
  }

  /**
   * A reader reached through {@code config} (its unit id is not used).
   *
   * @param sameCardGap how long a card must be away before it counts as presented again
   * @param config the serial port and line settings
   */
  public Pn532HsuReader(SerialDeviceConfig config, Duration sameCardGap) {
    super(new Worker(Objects.requireNonNull(config, "config"), Objects.requireNonNull(sameCardGap, "sameCardGap")));
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static final class Worker extends CardLoop {

    private final Pn532.Parser parser = new Pn532.Parser(this::discarded);
    private final Deque<Pn532.Frame> frames = new ArrayDeque<>();

    Worker(SerialDeviceConfig config, Duration sameCardGap) {
      super("pn532", config, FAULT_SOURCE, sameCardGap);
    }

    @Override
    void setUp() throws DeviceException {
      parser.reset();
      frames.clear();
      transceive(SET_UP, Pn532.SAM_CONFIGURATION);
      transceive(LIMIT_RETRIES, Pn532.RF_CONFIGURATION);
    }

    @Override
    void exchange() throws DeviceException {
      Optional<String> card = Pn532.targetId(transceive(POLL, Pn532.IN_LIST_PASSIVE_TARGET));
      if (card.isPresent()) {
        sighted(card.get(), System.nanoTime());
      }
    }

    /**
     * Sends a command frame and returns the response data (response code first). Every failure asks for a
     * reconnect, because a reader that lost power forgets its set-up.
     */
    private byte[] transceive(byte[] request, int command) throws DeviceException {
      frames.clear();
      long checksumErrors = parser.checksumErrors();
      link.write(request);
      long deadline = System.nanoTime() + config.responseTimeout().toNanos();
      Pn532.Frame first = await(deadline);
      if (first == null) {
        throw corruptSince(checksumErrors, "no ACK to command %02X".formatted(command), DeviceException.NO_READER);
      }
      if (!(first instanceof Pn532.Ack)) {
        throw new DeviceException(DeviceException.CHECKSUM, "no ACK to command %02X: %s".formatted(command, first), true);
      }
      deadline = System.nanoTime() + config.responseTimeout().toNanos();
      for (Pn532.Frame next = await(deadline); next != null; next = await(deadline)) {
        if (next instanceof Pn532.Information info) {
          if (info.answers(command)) {
            return info.data();
          }
          if (info.tfi() == Pn532.APPLICATION_ERROR) {
            throw new DeviceException("PN532_ERROR", "reader error on command %02X".formatted(command), true);
          }
        }
        log.debug("unexpected frame while waiting for the response to {}: {}", command, next);
      }
      throw corruptSince(checksumErrors, "no response to command %02X".formatted(command), DeviceException.TIMEOUT);
    }

    private DeviceException corruptSince(long checksumErrors, String detail, String otherwise) {
      boolean corrupt = parser.checksumErrors() != checksumErrors;
      return new DeviceException(corrupt ? DeviceException.CHECKSUM : otherwise, detail, true);
    }

    /** The next frame, or null if none came before {@code deadline} (also while noise keeps coming). */
    private Pn532.Frame await(long deadline) throws DeviceException {
      while (frames.isEmpty()) {
        int n = System.nanoTime() - deadline < 0 ? link.read(buffer, deadline) : 0;
        if (n == 0) {
          return null;
        }
        frames.addAll(parser.feed(buffer, n));
      }
      return frames.poll();
    }
  }
}
