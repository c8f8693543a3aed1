package dev.kilowatt.core.firmware;

import dev.kilowatt.core.message.GetDiagnosticsRequest;
import dev.kilowatt.core.message.GetDiagnosticsResponse;
import dev.kilowatt.core.message.GetLogRequest;
import dev.kilowatt.core.message.SignedUpdateFirmwareRequest;
import dev.kilowatt.core.message.SignedUpdateFirmwareResponse;
import dev.kilowatt.core.message.UpdateFirmwareRequest;
import dev.kilowatt.core.message.UpdateFirmwareResponse;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.messaging.Outbox;
import dev.kilowatt.core.messaging.TrafficLog;
import dev.kilowatt.core.port.CallError;
import dev.kilowatt.core.port.DiagnosticsCollector;
import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.FirmwareInstaller;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.core.security.ManufacturerRoots;
import dev.kilowatt.core.security.SecurityEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The firmware management block: a firmware update where the board installs firmware, a diagnostics upload
 * where it collects diagnostics, and the calls that drive them. Either part may be absent.
 */
public final class FirmwareManagement {

  /**
   * What the board offers.
   *
   * @param transfer downloads images and uploads archives; needed when there is an installer or a collector
   * @param installer installs firmware images; absent when the board cannot update its firmware
   * @param collector gathers diagnostics archives; absent when the board has no diagnostics
   * @param runningVersion the firmware version the charge point booted with; absent when the board does not tell
   */
  public record Board(Optional<FileTransfer> transfer, Optional<FirmwareInstaller> installer, Optional<DiagnosticsCollector> collector,
      Optional<String> runningVersion) {}

  /**
   * How updates may go.
   *
   * @param downloadDuringTransaction whether an image may be downloaded while a transaction runs
   * @param signedOnly whether UpdateFirmware.req is refused in favour of SignedUpdateFirmware.req (white paper L01.FR.20)
   */
  public record Policy(boolean downloadDuringTransaction, boolean signedOnly) {}

  /**
   * What the other blocks give: the roots that sign firmware, and what diagnostics report besides the board's files.
   *
   * @param roots the manufacturer roots a signed image's signing certificate must chain to
   * @param configuration the configuration with secrets masked
   * @param traffic the OCPP messages exchanged, for the part of them a diagnostics period covers
   * @param securityLog the security events, oldest first
   * @param transactions the charger's own record of each transaction it remembers, one per line, oldest first (issue 9
   *     defect 3)
   */
  public record Sources(ManufacturerRoots roots, Supplier<Map<String, String>> configuration, TrafficLog traffic,
      Supplier<List<SecurityEvents.Entry>> securityLog, Supplier<List<String>> transactions) {}

  private final Optional<FirmwareUpdate> firmware;
  private final Optional<DiagnosticsUpload> diagnostics;
  private final Policy policy;
  private final FirmwareUpdate.Hooks hooks;

  /**
   * The block, with an update only when the board has an installer and an upload only when it has a collector.
   *
   * @param scheduler runs retrieve dates, retry waits and install dates
   * @param storage keeps the update and the upload across reboots
   * @param outbox sends the status notifications
   * @param counters counts the outcomes of downloads, installations and uploads
   * @param clock the current time
   * @param board what the board offers
   * @param policy how updates may go
   * @param sources what the other blocks give
   * @param hooks what the firmware update needs from the station
   */
  public FirmwareManagement(Scheduler scheduler, Storage storage, Outbox outbox, Counters counters, Supplier<Instant> clock, Board board,
      Policy policy, Sources sources, FirmwareUpdate.Hooks hooks) {
    this.policy = policy;
    this.hooks = hooks;
    this.firmware = board.installer().map(installer -> new FirmwareUpdate(scheduler, storage, outbox, counters, clock,
        board.transfer().orElseThrow(), installer, sources.roots(), policy.downloadDuringTransaction(), board.runningVersion(), hooks));
    this.diagnostics = board.collector().map(collector -> new DiagnosticsUpload(scheduler, storage, outbox, counters, clock,
        board.transfer().orElseThrow(), collector, sources, hooks.post()));
  }

  /**
   * Answers the calls of the parts the board has: (Signed)UpdateFirmware, GetDiagnostics, GetLog.
   *
   * @param router the router the central system's calls arrive on
   */
  public void register(CallRouter router) {
    firmware.ifPresent(update -> {
      router.on(UpdateFirmwareRequest.class, policy.signedOnly()
          ? (request, reply) -> reply.error(new CallError(CallError.Code.NOT_SUPPORTED,
              "this charge point installs signed firmware only: use SignedUpdateFirmware"))
          : (request, reply) -> {
            reply.answer(new UpdateFirmwareResponse());
            reply.afterwards(() -> update.schedule(request));
          });
      router.on(SignedUpdateFirmwareRequest.class, (request, reply) -> reply.decide(update.accept(request), SignedUpdateFirmwareResponse::new));
    });
    diagnostics.ifPresent(upload -> {
      router.on(GetDiagnosticsRequest.class, (request, reply) -> {
        Optional<String> fileName = upload.accept(request);
        reply.answer(new GetDiagnosticsResponse(fileName));
        fileName.ifPresent(name -> reply.afterwards(upload::begin));
      });
      router.on(GetLogRequest.class, (request, reply) -> reply.decide(upload.accept(request), answer -> answer));
    });
  }

  /** After a reboot: picks up where the saved update and upload were. */
  public void resume() {
    firmware.ifPresent(FirmwareUpdate::resume);
    diagnostics.ifPresent(DiagnosticsUpload::resume);
  }

  /** Cancels the timers; a saved update or upload resumes after the next start. */
  public void stop() {
    firmware.ifPresent(FirmwareUpdate::stop);
    diagnostics.ifPresent(DiagnosticsUpload::stop);
  }

  /** Online again: the statuses the central system has not heard yet go out. */
  public void online() {
    firmware.ifPresent(FirmwareUpdate::online);
    diagnostics.ifPresent(DiagnosticsUpload::online);
  }

  /** A transaction ended: an update that waited for the connectors to be idle may go on. */
  public void transactionEnded() {
    firmware.ifPresent(f -> hooks.post().accept(f::transactionEnded));
  }

  /** {@return whether a firmware image is being installed, so a reset must wait} */
  public boolean installing() {
    return firmware.filter(FirmwareUpdate::installing).isPresent();
  }

  /**
   * {@return what sends the FirmwareStatusNotification a TriggerMessage asks for; empty when the board installs no firmware}
   */
  public Optional<Runnable> firmwareStatus() {
    return firmware.map(f -> f::sendCurrentStatus);
  }

  /** {@return what sends the DiagnosticsStatusNotification a TriggerMessage asks for; empty when the board collects no diagnostics} */
  public Optional<Runnable> diagnosticsStatus() {
    return diagnostics.map(d -> d::sendCurrentStatus);
  }

  /** {@return what sends the SignedFirmwareStatusNotification an ExtendedTriggerMessage asks for; empty without an installer} */
  public Optional<Runnable> signedFirmwareStatus() {
    return firmware.map(f -> f::sendSignedStatus);
  }

  /** {@return what sends the LogStatusNotification an ExtendedTriggerMessage asks for; empty without a collector} */
  public Optional<Runnable> logStatus() {
    return diagnostics.map(d -> d::sendLogStatus);
  }
}
