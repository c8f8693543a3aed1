package dev.kilowatt.core.firmware;

import dev.kilowatt.core.firmware.FirmwareJob.Phase;
import dev.kilowatt.core.firmware.FirmwareJob.Signing;
import dev.kilowatt.core.message.SignedFirmwareStatus;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Secrets;
import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.HeldFile;
import dev.kilowatt.core.security.SecurityEvent;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The first half of a firmware update: the download attempts with their retries, then, for a signed
 * update, the check of the image's signature (L01.FR.04). A good image goes on to the {@link FirmwareInstallation}.
 */
final class FirmwareDownload {

  private static final System.Logger LOG = System.getLogger(FirmwareDownload.class.getName());

  private final FirmwareProgress progress;
  private final FileTransfer transfer;
  private final long maxImageBytes;
  private final Counters counters;
  private final Supplier<Instant> clock;
  private final boolean downloadDuringTransaction;
  private final FirmwareUpdate.Hooks hooks;
  private final FirmwareInstallation installation;
  /** Waits for the next attempt. */
  private final Runnable arm;

  FirmwareDownload(FirmwareProgress progress, FileTransfer transfer, long maxImageBytes, Counters counters, Supplier<Instant> clock,
      boolean downloadDuringTransaction, FirmwareUpdate.Hooks hooks, FirmwareInstallation installation, Runnable arm) {
    this.progress = progress;
    this.transfer = transfer;
    this.maxImageBytes = maxImageBytes;
    this.counters = counters;
    this.clock = clock;
    this.downloadDuringTransaction = downloadDuringTransaction;
    this.hooks = hooks;
    this.installation = installation;
    this.arm = arm;
  }

  void attempt() {
    if (!downloadDuringTransaction && hooks.transactionsRunning().getAsBoolean()) {
      LOG.log(Level.INFO, "firmware download waits for the transactions to end");
      progress.awaitIdle(true);
      progress.reportOnce(SignedFirmwareStatus.DOWNLOAD_SCHEDULED);
      progress.applyHold();
      return;
    }
    progress.awaitIdle(false);
    URI source;
    try {
      source = new URI(progress.job().location());
    } catch (URISyntaxException e) {
      LOG.log(Level.WARNING, "firmware location is not a URI: {0}", e.getMessage());
      progress.finish(SignedFirmwareStatus.DOWNLOAD_FAILED);
      return;
    }
    FirmwareJob started = progress.job().attemptStarted();
    progress.advance(started.attempts() == 1 ? started.reporting(SignedFirmwareStatus.DOWNLOADING) : started);
    long download = progress.newWork();
    LOG.log(Level.INFO, "downloading firmware from {0} (attempt {1} of {2})", Secrets.masked(started.location()), started.attempts(),
        started.maxAttempts());
    transfer.download(source, maxImageBytes, new FileTransfer.Listener() {
      @Override
      public void onProgress(long transferredBytes, OptionalLong totalBytes) {
        totalBytes.ifPresentOrElse(
            total -> LOG.log(Level.INFO, "firmware download: " + transferredBytes * 100 / Math.max(1, total) + " % of " + total + " bytes"),
            () -> LOG.log(Level.INFO, "firmware download: " + transferredBytes + " bytes"));
      }

      @Override
      public void onCompleted(HeldFile file) {
        hooks.post().accept(() -> {
          if (progress.current(download, Phase.DOWNLOADING)) {
            LOG.log(Level.INFO, "firmware image downloaded to {0}", file.name());
            progress.advance(progress.job().downloaded(file).reporting(SignedFirmwareStatus.DOWNLOADED));
            downloaded();
          } else {
            file.discard();
          }
        });
      }

      @Override
      public void onFailed(String reason) {
        hooks.post().accept(() -> {
          if (progress.current(download, Phase.DOWNLOADING)) {
            attemptFailed(reason);
          }
        });
      }
    });
  }

  void attemptFailed(String reason) {
    counters.increment("firmware.downloadFailed");
    FirmwareJob job = progress.job();
    if (job.attempts() < job.maxAttempts()) {
      Instant next = clock.get().plusSeconds(job.retryIntervalSeconds());
      LOG.log(Level.WARNING, "firmware download failed ({0}); trying again at {1}", reason, next);
      progress.save(job.retryAt(next));
      progress.applyHold();
      arm.run();
    } else {
      LOG.log(Level.ERROR, "firmware download failed ({0}) after {1} attempts; giving up", reason, job.attempts());
      progress.finish(SignedFirmwareStatus.DOWNLOAD_FAILED);
    }
  }

  /** The image is here: a signed one is checked first (L01.FR.04), an unsigned one goes to installation. */
  void downloaded() {
    FirmwareJob job = progress.job();
    if (job.signing().isEmpty()) {
      installation.installWhenIdle();
      return;
    }
    Signing signing = job.signing().get();
    long check = progress.newWork();
    HeldFile image = transfer.held(job.image().orElseThrow());
    LOG.log(Level.INFO, "checking the signature of firmware image {0}", image.name());
    FirmwareSigning.verify(image, signing.certificate(), signing.signature(), hooks.post(),
        () -> progress.current(check, Phase.DOWNLOADED), verdict -> {
          if (progress.current(check, Phase.DOWNLOADED)) {
            judged(verdict);
          }
        });
  }

  private void judged(FirmwareSigning.Verdict verdict) {
    switch (verdict) {
      case VERIFIED -> {
        LOG.log(Level.INFO, "the firmware signature is valid");
        progress.save(progress.job().in(Phase.VERIFIED).reporting(SignedFirmwareStatus.SIGNATURE_VERIFIED));
        progress.report();
        installation.installWhenDue();
      }
      case INVALID -> {
        counters.increment("firmware.invalidSignature");
        LOG.log(Level.ERROR, "the firmware signature does not match the image; not installing it");
        progress.finish(SignedFirmwareStatus.INVALID_SIGNATURE);
        hooks.securityEvent().accept(SecurityEvent.INVALID_FIRMWARE_SIGNATURE,
            "signature of the image from " + Secrets.masked(progress.job().location()));
      }
      case UNREADABLE -> {
        counters.increment("firmware.imageUnreadable");
        LOG.log(Level.ERROR, "the downloaded firmware image cannot be read");
        progress.finish(SignedFirmwareStatus.INSTALL_VERIFICATION_FAILED);
      }
    }
  }
}
