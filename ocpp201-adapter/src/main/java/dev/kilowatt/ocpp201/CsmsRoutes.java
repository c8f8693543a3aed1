package dev.kilowatt.ocpp201;

import java.util.Optional;

/**
 * Which part of the adapter takes a call of the CSMS, as a table: the first of these that knows the call's type
 * gives its {@link Route}. Each part knows a set of call types of its own, so the order decides nothing but
 * which part is asked first.
 */
final class CsmsRoutes {

  private final CsmsCalls csmsCalls;
  private final Resets resets;
  private final ServiceCalls serviceCalls;
  private final Reports reports;
  private final FirmwareCalls firmware;
  private final LocalAuthCalls localAuthCalls;
  private final SmartChargingCalls smartCharging;

  CsmsRoutes(CsmsCalls csmsCalls, Resets resets, ServiceCalls serviceCalls, Reports reports, FirmwareCalls firmware,
      LocalAuthCalls localAuthCalls, SmartChargingCalls smartCharging) {
    this.csmsCalls = csmsCalls;
    this.resets = resets;
    this.serviceCalls = serviceCalls;
    this.reports = reports;
    this.firmware = firmware;
    this.localAuthCalls = localAuthCalls;
    this.smartCharging = smartCharging;
  }

  /** {@return the route of {@code request}, or empty for a call the station does not handle yet} */
  Optional<Route> of(Messages.Request<?> request) {
    return csmsCalls.translate(request).<Route>map(Route.Now::new)
        .or(() -> resets.translate(request))
        .or(() -> serviceCalls.translate(request))
        .or(() -> reports.translate(request))
        .or(() -> firmware.translate(request))
        .or(() -> CertificateCalls.translate(request))
        .or(() -> localAuthCalls.translate(request))
        .or(() -> smartCharging.translate(request))
        .or(() -> ReservationCalls.translate(request));
  }
}
