package dev.kilowatt.ocpp201;

import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import dev.kilowatt.ocpp201.Enums.ConnectorStatus;
import dev.kilowatt.ocpp201.ReportMessages.GenericDeviceModelStatus;
import dev.kilowatt.ocpp201.ReportMessages.GetBaseReportRequest;
import dev.kilowatt.ocpp201.ReportMessages.GetBaseReportResponse;
import dev.kilowatt.ocpp201.ReportMessages.GetReportRequest;
import dev.kilowatt.ocpp201.ReportMessages.GetReportResponse;
import dev.kilowatt.ocpp201.ReportMessages.NotifyReportRequest;
import dev.kilowatt.ocpp201.ReportMessages.NotifyReportResponse;
import dev.kilowatt.ocpp201.ReportMessages.ReportData;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GetBaseReport (part 2 B07) and GetReport (B08) as the core's calls the device model's values need (one
 * GetConfiguration of all keys, one GetInstalledCertificateIds of each kind of root, {@link DeviceVariables}),
 * and the report asked for as NotifyReport messages the station sends once its answer has gone
 * ({@link DeviceReport} says what is in it, {@link ReportFilter} what a GetReport selects).
 *
 * <table>
 *   <caption>the answer to a GetBaseReport or GetReport</caption>
 *   <tr><th>when</th><th>answer</th></tr>
 *   <tr><td>a GetReport with a criterion the station cannot tell (Active, Enabled)</td><td>NotSupported,
 *       without the core</td></tr>
 *   <tr><td>another report is being sent (its last part not answered yet)</td><td>Rejected, reasonCode
 *       ReportInProgress, without the core (B07, B08.FR.16)</td></tr>
 *   <tr><td>a report with variables</td><td>Accepted; the parts follow with its requestId (B07.FR.04), seqNo from
 *       0, tbc on all but the last</td></tr>
 *   <tr><td>a report without variables (nothing matches a GetReport; a ConfigurationInventory of a core whose keys
 *       are all read-only; a SummaryInventory before the core reported any status)</td><td>EmptyResultSet: NotifyReport must carry at least one (B08.FR.05)</td></tr>
 * </table>
 *
 * <p>A part goes when the one before is answered; one that fails (a lost connection, a CALLERROR) ends the
 * report, and the next request is taken again.
 */
final class Reports {

  private static final Logger LOG = LoggerFactory.getLogger(Reports.class);
  /** A report needs every value: the core's keys and its count of roots. */
  private static final DeviceVariables.CoreReads READS = new DeviceVariables.CoreReads(true, true);

  private final Scheduler clock;
  private final DeviceVariables variables;
  private final Supplier<Optional<ConnectorStatus>> stationStatus;
  private final Supplier<Map<Integer, ConnectorStatus>> evses;
  private final Function<NotifyReportRequest, CompletableFuture<NotifyReportResponse>> station;
  /** A report is being sent: from the Accepted answer until its last part is answered or one fails. */
  private final AtomicBoolean sending = new AtomicBoolean();

  /**
   * {@code variables} gives the values of the adapter's own variables, {@code stationStatus} and {@code evses}
   * the status the core last reported of connector 0 and of each EVSE; {@code station} sends a call of the
   * station's to the CSMS and completes on the loop.
   */
  Reports(Scheduler clock, DeviceVariables variables, Supplier<Optional<ConnectorStatus>> stationStatus,
      Supplier<Map<Integer, ConnectorStatus>> evses,
      Function<NotifyReportRequest, CompletableFuture<NotifyReportResponse>> station) {
    this.clock = clock;
    this.variables = variables;
    this.stationStatus = stationStatus;
    this.evses = evses;
    this.station = station;
  }

  /** The route for {@code request}, or empty for a call that is not a report's. */
  Optional<Route> translate(Messages.Request<?> request) {
    return switch (request) {
      case GetBaseReportRequest get -> report(get.requestId(), all -> DeviceReport.of(get.reportBase(), all),
          status -> new GetBaseReportResponse(status.status(), status.statusInfo()));
      case GetReportRequest get -> ReportFilter.unsupported(get).isEmpty()
          ? report(get.requestId(), all -> ReportFilter.select(get, all),
              status -> new GetReportResponse(status.status(), status.statusInfo()))
          : now(Exchange.local(new GetReportResponse(GenericDeviceModelStatus.NotSupported, Optional.of(
              new StatusInfo("UnsupportedRequest", Optional.of("criteria not supported: " + ReportFilter.unsupported(get)
                  + "; supported: " + ReportFilter.SUPPORTED))))));
      default -> Optional.empty();
    };
  }

  /** The answer to a report request, whichever it was: a status and more about it. */
  private record Status(GenericDeviceModelStatus status, Optional<StatusInfo> statusInfo) {
  }

  private Optional<Route> report(int requestId, Function<List<ReportData>, List<ReportData>> select,
      Function<Status, Messages.Response> answer) {
    if (sending.get()) {
      return now(Exchange.local(answer.apply(busy())));
    }
    AtomicReference<List<NotifyReportRequest>> parts = new AtomicReference<>(List.of());
    return now(new Exchange(READS.requests(),
        answers -> answer.apply(accept(requestId, select, READS.answers(answers), parts)),
        () -> send(parts.get(), 0)));
  }

  private static Optional<Route> now(Exchange exchange) {
    return Optional.of(new Route.Now(exchange));
  }

  /** Decides on the core's answers, when it is known whether another report began meanwhile. */
  private Status accept(int requestId, Function<List<ReportData>, List<ReportData>> select,
      DeviceVariables.CoreAnswers core, AtomicReference<List<NotifyReportRequest>> parts) {
    List<ReportData> data = select.apply(DeviceReport.all(core.configuration().orElseThrow(),
        own -> variables.value(own, core), variables.txPoints(), stationStatus.get(), evses.get()));
    if (data.isEmpty()) {
      return new Status(GenericDeviceModelStatus.EmptyResultSet, Optional.empty());
    }
    if (!sending.compareAndSet(false, true)) {
      return busy();
    }
    parts.set(DeviceReport.parts(requestId, clock.now(), data));
    return new Status(GenericDeviceModelStatus.Accepted, Optional.empty());
  }

  private static Status busy() {
    return new Status(GenericDeviceModelStatus.Rejected, Optional.of(
        new StatusInfo("ReportInProgress", Optional.of("another report is being sent; ask again after its last part"))));
  }

  /** Sends part {@code next} and, once it is answered, the one after; nothing for a report not accepted. */
  private void send(List<NotifyReportRequest> parts, int next) {
    if (parts.isEmpty()) {
      return;
    }
    station.apply(parts.get(next)).whenComplete((answer, failure) -> {
      if (failure != null) {
        LOG.info("report {} ends at part {}: {}", parts.get(next).requestId(), next, failure.getMessage());
        sending.set(false);
      } else if (next + 1 == parts.size()) {
        sending.set(false);
      } else {
        send(parts, next + 1);
      }
    });
  }
}
