package dev.kilowatt.core.message;

import java.util.Optional;

/**
 * The Central System asks the charge point to upload its diagnostics or security log (security extension).
 *
 * @param logType which log to upload
 * @param requestId the id the LogStatusNotifications of this upload carry
 * @param retries how many times to retry a failed upload; absent leaves it to the charge point
 * @param retryInterval seconds between retries; absent leaves it to the charge point
 * @param log where to upload and which time span to cover
 */
public record GetLogRequest(
    LogType logType,
    int requestId,
    Optional<Integer> retries,
    Optional<Integer> retryInterval,
    LogParameters log)
    implements CentralSystemRequest<GetLogResponse> {

  /** Rejects a null {@code logType} or {@code log}; a null optional component reads as absent. */
  public GetLogRequest {
    Fields.required(logType, "logType");
    retries = Fields.opt(retries);
    retryInterval = Fields.opt(retryInterval);
    Fields.required(log, "log");
  }

  @Override
  public Action action() {
    return Action.GET_LOG;
  }
}
