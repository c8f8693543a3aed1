package dev.kilowatt.core.provisioning;

import dev.kilowatt.core.message.BootReason;
import dev.kilowatt.core.port.Journal;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.port.Storage;
import java.lang.System.Logger.Level;

/**
 * Why this start happened, told in the BootNotification: a reboot the charge point asks of its platform writes its
 * reason first, durably, and the next start reads it; the first accepted BootNotification clears it, so that a
 * later start the domain did not ask for (a power cut) reads as {@link BootReason#POWER_UP} again.
 */
public final class BootReasons {

  private static final System.Logger LOG = System.getLogger(BootReasons.class.getName());
  static final String STORAGE_KEY = "provisioning/bootReason";

  /**
   * The reason a reboot left for the next start.
   *
   * @param reason why the charge point rebooted
   */
  public record Recorded(BootReason reason) {}

  private final Storage storage;
  private final BootReason thisStart;
  private boolean recorded;

  /**
   * Reads what the reboot before this start left, if any.
   *
   * @param storage keeps the reason across the reboot
   */
  public BootReasons(Storage storage) {
    this.storage = storage;
    this.thisStart = storage.load(STORAGE_KEY, Recorded.class).map(Recorded::reason).orElse(BootReason.POWER_UP);
    this.recorded = thisStart != BootReason.POWER_UP;
  }

  /** {@return why this start happened: the recorded reason of the reboot before it, else PowerUp} */
  public BootReason thisStart() {
    return thisStart;
  }

  /**
   * Records why the charge point is about to reboot, then runs {@code reboot} once the record is durable. A storage
   * that refuses the record does not hold the reboot back: the next start then says PowerUp, which is less true
   * but keeps a reset the central system asked for from never happening.
   *
   * @param kind the reboot about to be asked of the platform
   * @param reboot what asks it, run on the loop once the outcome of the write is known
   */
  public void recordThen(Platform.RebootKind kind, Runnable reboot) {
    BootReason next = kind == Platform.RebootKind.FIRMWARE ? BootReason.FIRMWARE_UPDATE : BootReason.REMOTE_RESET;
    recorded = true;
    storage.save(STORAGE_KEY, new Recorded(next), outcome -> {
      if (!(outcome instanceof Journal.Outcome.Durable)) {
        LOG.log(Level.WARNING, "the boot reason {0} was not saved ({1}); the next start will say PowerUp", next, outcome);
      }
      reboot.run();
    });
  }

  /** The central system accepted a BootNotification: the reason is told, and a later start is a PowerUp unless recorded anew. */
  public void accepted() {
    if (recorded) {
      recorded = false;
      storage.delete(STORAGE_KEY);
    }
  }
}
