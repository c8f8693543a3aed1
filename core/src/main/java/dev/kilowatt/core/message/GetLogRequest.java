package dev.kilowatt.core.message;

import java.util.Optional;

/** The Central System asks the charge point to upload its diagnostics or security log (security extension). */
public record GetLogRequest(
    LogType logType,
    int requestId,
    Optional<Integer> retries,
    Optional<Integer> retryInterval,
    LogParameters log)
    implements CentralSystemRequest<GetLogResponse> {

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
