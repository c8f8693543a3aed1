package dev.kilowatt.core.firmware;

import dev.kilowatt.core.message.GetDiagnosticsRequest;
import dev.kilowatt.core.message.GetDiagnosticsResponse;
import dev.kilowatt.core.message.GetLogRequest;
import dev.kilowatt.core.message.SignedUpdateFirmwareRequest;
import dev.kilowatt.core.message.SignedUpdateFirmwareResponse;
import dev.kilowatt.core.message.UpdateFirmwareRequest;
import dev.kilowatt.core.message.UpdateFirmwareResponse;
import dev.kilowatt.core.messaging.CallRouter;
import dev.kilowatt.core.port.CallError;
import java.util.Optional;

/** The firmware management calls, present only where the board installs firmware or collects diagnostics. */
public final class FirmwareCalls {

  private FirmwareCalls() {}

  /**
   * @param signedOnly whether UpdateFirmware.req is refused in favour of SignedUpdateFirmware.req (white paper L01.FR.20)
   */
  public static void register(CallRouter router, Optional<FirmwareUpdate> firmware, boolean signedOnly,
      Optional<DiagnosticsUpload> diagnostics) {
    firmware.ifPresent(update -> {
      router.on(UpdateFirmwareRequest.class, signedOnly
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
}
