package dev.kilowatt.pi4j;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.RfidReader;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.pi4j.Mfrc522Chip.Reply;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MFRC522 card reader on SPI: ISO/IEC 14443 A cards, identified by their UID as upper-case hex (4, 7 or
 * 10 bytes, at most 20 characters: an OCPP idTag).
 *
 * <p>Each poll wakes the card with WUPA, reads its UID cascade level by level (anticollision, BCC check,
 * SELECT with CRC_A), and halts it again. WUPA rather than REQA, because a halted card answers only WUPA:
 * that way a card that stays on the reader is seen on every poll and its presence is tracked, instead of
 * alternating between answering and not. A card is reported when it appears; it counts as gone only after
 * a few polls in a row without an answer, so a card at the edge of the field is not reported twice, and a
 * card taken away and presented again is a new presentation.
 *
 * <p>Every step runs on the scheduler: the wait for a card's answer is a timer, not a busy loop on the
 * event loop. When VersionReg reads 0x00 or 0xFF, or SPI fails, the reader is reported missing
 * ({@code ReaderFailure}, {@code NO_READER}); once it answers again it is reset, set up and the fault
 * cleared.
 */
final class Mfrc522Reader implements RfidReader {

  private static final Logger LOG = LoggerFactory.getLogger(Mfrc522Reader.class);

  private static final Duration RESET_WAIT = Duration.ofMillis(50);
  private static final int RESET_CHECKS = 5;
  /** The chip's own timer gives up after 25 ms; this is the backstop should it never say so. */
  private static final Duration REPLY_WAIT = Duration.ofMillis(5);
  private static final int REPLY_CHECKS = 10;

  private static final byte[] WUPA = {0x52};
  private static final int SHORT_FRAME_BITS = 7;
  private static final byte[] SELECT_CODES = {(byte) 0x93, (byte) 0x95, (byte) 0x97};
  private static final byte ANTICOLLISION = 0x20;
  private static final byte SELECT = 0x70;
  private static final byte CASCADE_TAG = (byte) 0x88;
  private static final int SAK_UID_NOT_COMPLETE = 0x04;
  private static final byte[] HLTA = Mfrc522Chip.withCrc((byte) 0x50, (byte) 0x00);

  private final Mfrc522Chip chip;
  private final Duration pollInterval;
  private final int removalPolls;
  private final Scheduler scheduler;
  private final FaultLatch readerFault = new FaultLatch("rfid");
  private RfidReader.Listener listener = idTag -> {};
  private Scheduler.Timer next = () -> {};
  private boolean initialized;
  private int resetChecks;
  private Optional<String> presentCard = Optional.empty();
  private int missedPolls;
  private long garbledReads;

  Mfrc522Reader(Mfrc522Chip chip, Duration pollInterval, int removalPolls, Scheduler scheduler) {
    this.chip = chip;
    this.pollInterval = pollInterval;
    this.removalPolls = removalPolls;
    this.scheduler = scheduler;
  }

  @Override
  public void start(RfidReader.Listener listener) {
    this.listener = listener;
    after(Duration.ZERO, this::poll);
  }

  /** The single way to the next step, so that there is never more than one chain of steps. */
  private void after(Duration delay, Runnable step) {
    next.cancel();
    next = scheduler.schedule(delay, () -> {
      try {
        step.run();
      } catch (RuntimeException e) {
        readerLost("SPI failed: " + e.getMessage());
        after(pollInterval, this::poll);
      }
    });
  }

  private void poll() {
    int version = chip.version();
    if (version == 0x00 || version == 0xFF) {
      readerLost("VersionReg reads 0x" + HexFormat.of().toHexDigits((byte) version));
      after(pollInterval, this::poll);
    } else if (!initialized || !chip.antennaOn()) {
      if (initialized) {
        LOG.warn("MFRC522 lost its set-up (reset by a brown-out?); setting it up again");
        initialized = false;
      }
      chip.softReset();
      resetChecks = 0;
      after(RESET_WAIT, () -> finishReset(version));
    } else {
      transceive(WUPA, SHORT_FRAME_BITS, this::onWakeUp);
    }
  }

  private void finishReset(int version) {
    if (!chip.resetDone()) {
      if (++resetChecks < RESET_CHECKS) {
        after(RESET_WAIT, () -> finishReset(version));
      } else {
        readerLost("stays in soft reset");
        after(pollInterval, this::poll);
      }
      return;
    }
    chip.configure();
    initialized = true;
    LOG.info("MFRC522 ready, VersionReg 0x{}", HexFormat.of().toHexDigits((byte) version));
    readerFault.clear(listener);
    after(Duration.ZERO, this::poll);
  }

  private void transceive(byte[] frame, int lastBits, Consumer<Reply> then) {
    chip.startTransceive(frame, lastBits);
    awaitReply(then, 1);
  }

  private void awaitReply(Consumer<Reply> then, int check) {
    after(REPLY_WAIT, () -> {
      Optional<Reply> reply = chip.collectReply();
      if (reply.isPresent()) {
        then.accept(reply.get());
      } else if (check >= REPLY_CHECKS) {
        then.accept(new Reply.Silent());
      } else {
        awaitReply(then, check + 1);
      }
    });
  }

  private void onWakeUp(Reply reply) {
    switch (reply) {
      case Reply.Silent silent -> noCard();
      case Reply.Frame atqa when atqa.bytes().length == 2 -> readUidLevel(0, new ByteArrayOutputStream());
      case Reply.Frame other -> unreadable("ATQA of " + other.bytes().length + " bytes");
      case Reply.Garbled garbled -> unreadable(garbled.why());
    }
  }

  private void readUidLevel(int level, ByteArrayOutputStream uid) {
    transceive(new byte[] {SELECT_CODES[level], ANTICOLLISION}, 0, reply -> {
      if (reply instanceof Reply.Frame(byte[] part) && part.length == 5) {
        if ((part[0] ^ part[1] ^ part[2] ^ part[3]) != part[4]) {
          unreadable("bad BCC at cascade level " + (level + 1));
          return;
        }
        byte[] select = new byte[7];
        select[0] = SELECT_CODES[level];
        select[1] = SELECT;
        System.arraycopy(part, 0, select, 2, 5);
        transceive(Mfrc522Chip.withCrc(select), 0, answer -> onSelected(level, uid, part, answer));
      } else {
        unreadable("anticollision at cascade level " + (level + 1) + ": " + reply);
      }
    });
  }

  private void onSelected(int level, ByteArrayOutputStream uid, byte[] part, Reply reply) {
    if (!(reply instanceof Reply.Frame(byte[] sak)) || sak.length != 3 || !Mfrc522Chip.crcMatches(sak)) {
      unreadable("SELECT at cascade level " + (level + 1) + ": " + reply);
      return;
    }
    if ((sak[0] & SAK_UID_NOT_COMPLETE) == 0) {
      uid.write(part, 0, 4);
      chip.startTransceive(HLTA, 0);
      cardRead(HexFormat.of().withUpperCase().formatHex(uid.toByteArray()));
    } else if (part[0] == CASCADE_TAG && level + 1 < SELECT_CODES.length) {
      uid.write(part, 1, 3);
      readUidLevel(level + 1, uid);
    } else {
      unreadable("cascade level " + (level + 1) + " without cascade tag: " + Arrays.toString(part));
    }
  }

  private void cardRead(String idTag) {
    missedPolls = 0;
    after(pollInterval, this::poll);
    if (!presentCard.equals(Optional.of(idTag))) {
      presentCard = Optional.of(idTag);
      LOG.info("Card {} presented", idTag);
      // a task of its own, so that whatever the listener does cannot break the chain of polls
      scheduler.execute(() -> listener.onCardPresented(idTag));
    }
  }

  private void noCard() {
    if (presentCard.isPresent() && ++missedPolls >= removalPolls) {
      LOG.debug("Card {} removed", presentCard.get());
      presentCard = Optional.empty();
      missedPolls = 0;
    }
    after(pollInterval, this::poll);
  }

  /** A card is in the field but could not be read this time: neither a presentation nor a removal. */
  private void unreadable(String why) {
    garbledReads++;
    missedPolls = 0;
    LOG.debug("Card not readable ({} so far): {}", garbledReads, why);
    after(pollInterval, this::poll);
  }

  private void readerLost(String why) {
    if (!readerFault.isActive()) {
      LOG.warn("MFRC522 card reader not answering: {}", why);
    }
    initialized = false;
    // while the reader was gone nobody watched the card; the next one seen is a new presentation
    presentCard = Optional.empty();
    missedPolls = 0;
    readerFault.raise(listener, ConnectorFault.READER_FAILURE, "NO_READER", "card reader does not answer");
  }
}
