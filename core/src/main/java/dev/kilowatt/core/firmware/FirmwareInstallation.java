package dev.kilowatt.core.firmware;

import dev.kilowatt.core.firmware.FirmwareJob.Phase;
import dev.kilowatt.core.message.SignedFirmwareStatus;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.FirmwareInstaller;
import dev.kilowatt.core.port.HeldFile;
import dev.kilowatt.core.port.Scheduler;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The second half of a firmware update: wait for the install date a signed update may carry, then for the
 * transactions to end; install with the connectors held; reboot into the new firmware once the central
 * system heard the last statuses.
 */
final class FirmwareInstallation {

  private static final System.Logger LOG = System.getLogger(FirmwareInstallation.class.getName());

  private final FirmwareProgress progress;
  private final Scheduler scheduler;
  private final Outbox outbox;
  private final Counters counters;
  private final Supplier<Instant> clock;
  private final FileTransfer transfer;
  private final FirmwareInstaller installer;
  private final Optional<String> runningVersion;
  private final FirmwareUpdate.Hooks hooks;
  /** Waits for the install date. */
  private final Runnable arm;

  FirmwareInstallation(FirmwareProgress progress, Scheduler scheduler, Outbox outbox, Counters counters, Supplier<Instant> clock,
      FileTransfer transfer, FirmwareInstaller installer, Optional<String> runningVersion, FirmwareUpdate.Hooks hooks, Runnable arm) {
    this.progress = progress;
    this.scheduler = scheduler;
    this.outbox = outbox;
    this.counters = counters;
    this.clock = clock;
    this.transfer = transfer;
    this.installer = installer;
    this.runningVersion = runningVersion;
    this.hooks = hooks;
    this.arm = arm;
  }

  /** Waits for the install date a signed update may carry (L01.FR.16), then installs when idle. */
  void installWhenDue() {
    Optional<Instant> installAt = progress.job().installAt();
    if (installAt.filter(clock.get()::isBefore).isPresent()) {
      LOG.log(Level.INFO, "firmware installation scheduled for {0}", installAt.get());
      progress.reportOnce(SignedFirmwareStatus.INSTALL_SCHEDULED);
      progress.applyHold();
      progress.report();
      arm.run();
      return;
    }
    installWhenIdle();
  }

  void installWhenIdle() {
    if (hooks.transactionsRunning().getAsBoolean()) {
      LOG.log(Level.INFO, "firmware installation waits for the transactions to end");
      progress.awaitIdle(true);
      progress.applyHold();
      return;
    }
    progress.awaitIdle(false);
    HeldFile image = transfer.held(progress.job().image().orElseThrow());
    if (!image.exists()) {
      LOG.log(Level.ERROR, "the downloaded firmware image {0} is gone", image.name());
      progress.finish(SignedFirmwareStatus.INSTALLATION_FAILED);
      return;
    }
    progress.advance(progress.job().installing(runningVersion).reporting(SignedFirmwareStatus.INSTALLING));
    LOG.log(Level.INFO, "installing firmware image {0}", image.name());
    installer.install(image, new FirmwareInstaller.Listener() {
      @Override
      public void onInstalled(boolean rebootRequired) {
        hooks.post().accept(() -> {
          if (progress.installing()) {
            installed(rebootRequired);
          }
        });
      }

      @Override
      public void onFailed(String reason) {
        hooks.post().accept(() -> {
          if (progress.installing()) {
            counters.increment("firmware.installationFailed");
            LOG.log(Level.ERROR, "firmware installation failed: {0}", reason);
            progress.finish(SignedFirmwareStatus.INSTALLATION_FAILED);
          }
        });
      }
    });
  }

  private void installed(boolean rebootRequired) {
    if (!rebootRequired) {
      LOG.log(Level.INFO, "firmware installed; no reboot needed");
      progress.finish(SignedFirmwareStatus.INSTALLED);
      return;
    }
    LOG.log(Level.INFO, "firmware installed; rebooting into it");
    progress.save(progress.job().in(Phase.INSTALLED).reporting(SignedFirmwareStatus.INSTALL_REBOOTING));
    progress.report();
    rebootWhenReported(scheduler.now().plus(FirmwareUpdate.REBOOT_DRAIN_LIMIT));
  }

  /** Lets the central system hear the last statuses before the connection goes down, if it is listening. */
  private void rebootWhenReported(Instant deadline) {
    if (progress.job().unreported().isEmpty() || !outbox.canSendNow() || !scheduler.now().isBefore(deadline)) {
      hooks.reboot().run();
      return;
    }
    scheduler.schedule(Duration.ofMillis(100), () -> rebootWhenReported(deadline));
  }
}
