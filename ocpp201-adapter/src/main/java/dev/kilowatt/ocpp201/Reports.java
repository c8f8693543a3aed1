package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import dev.kilowatt.ocpp201.Enums.ConnectorStatus;
import dev.kilowatt.ocpp201.ReportMessages.GenericDeviceModelStatus;
import dev.kilowatt.ocpp201.ReportMessages.GetBaseReportRequest;
import dev.kilowatt.ocpp201.ReportMessages.GetBaseReportResponse;
import dev.kilowatt.ocpp201.ReportMessages.NotifyReportRequest;
import dev.kilowatt.ocpp201.ReportMessages.NotifyReportResponse;
import dev.kilowatt.ocpp201.ReportMessages.ReportBase;
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
 * GetBaseReport (part 2 B07) as one GetConfiguration of all the core's keys, and the report it asks for as
 * NotifyReport messages the station sends once its answer has gone ({@link DeviceReport} says what is in it).
 *
 * <table>
 *   <caption>the answer to a GetBaseReport</caption>
 *   <tr><th>when</th><th>answer</th></tr>
 *   <tr><td>SummaryInventory</td><td>NotSupported, without the core (B07.FR.02: the station's availability and
 *       condition, which that report is of, are not all known at this edge)</td></tr>
 *   <tr><td>another report is being sent (its last part not answered yet)</td><td>Rejected, without the core</td></tr>
 *   <tr><td>ConfigurationInventory or FullInventory, and the report has variables</td><td>Accepted; the parts
 *       follow with its requestId (B07.FR.04), seqNo from 0, tbc on all but the last</td></tr>
 *   <tr><td>a report without variables (a core whose keys are all read-only, asked for its
 *       ConfigurationInventory)</td><td>EmptyResultSet: NotifyReport must carry at least one</td></tr>
 * </table>
 *
 * <p>A part goes when the one before is answered; one that fails (a lost connection, a CALLERROR) ends the
 * report, and the next GetBaseReport is taken again.
 */
final class Reports {

  private static final Logger LOG = LoggerFactory.getLogger(Reports.class);

  private final Scheduler clock;
  private final Supplier<Map<Integer, ConnectorStatus>> evses;
  private final TxPoints txPoints;
  private final Function<NotifyReportRequest, CompletableFuture<NotifyReportResponse>> station;
  /** A report is being sent: from the Accepted answer until its last part is answered or one fails. */
  private final AtomicBoolean sending = new AtomicBoolean();

  /**
   * {@code evses} gives the status the core last reported of each EVSE, {@code txPoints} the variables the station
   * keeps itself; {@code station} sends a call of the station's to the CSMS and completes on the event loop.
   */
  Reports(Scheduler clock, Supplier<Map<Integer, ConnectorStatus>> evses, TxPoints txPoints,
      Function<NotifyReportRequest, CompletableFuture<NotifyReportResponse>> station) {
    this.clock = clock;
    this.evses = evses;
    this.txPoints = txPoints;
    this.station = station;
  }

  /** The route for {@code request}, or empty for a call that is not a report's. */
  Optional<Route> translate(Messages.Request<?> request) {
    if (!(request instanceof GetBaseReportRequest get)) {
      return Optional.empty();
    }
    if (get.reportBase() == ReportBase.SummaryInventory) {
      return now(Exchange.local(new GetBaseReportResponse(GenericDeviceModelStatus.NotSupported, Optional.of(
          new StatusInfo("UnsupportedRequest", Optional.of("ConfigurationInventory and FullInventory only"))))));
    }
    if (sending.get()) {
      return now(Exchange.local(busy()));
    }
    AtomicReference<List<NotifyReportRequest>> parts = new AtomicReference<>(List.of());
    return now(new Exchange(List.of(new GetConfigurationRequest(List.of())),
        answers -> accept(get, (GetConfigurationResponse) answers.getFirst(), parts),
        () -> send(parts.get(), 0)));
  }

  private static Optional<Route> now(Exchange exchange) {
    return Optional.of(new Route.Now(exchange));
  }

  /** Decides on the core's answer, when it is known whether another report began meanwhile. */
  private GetBaseReportResponse accept(GetBaseReportRequest get, GetConfigurationResponse configuration,
      AtomicReference<List<NotifyReportRequest>> parts) {
    List<ReportData> data = DeviceReport.of(get.reportBase(), configuration, evses.get(), txPoints.report());
    if (data.isEmpty()) {
      return new GetBaseReportResponse(GenericDeviceModelStatus.EmptyResultSet, Optional.empty());
    }
    if (!sending.compareAndSet(false, true)) {
      return busy();
    }
    parts.set(DeviceReport.parts(get.requestId(), clock.now(), data));
    return new GetBaseReportResponse(GenericDeviceModelStatus.Accepted, Optional.empty());
  }

  private static GetBaseReportResponse busy() {
    return new GetBaseReportResponse(GenericDeviceModelStatus.Rejected, Optional.of(
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
