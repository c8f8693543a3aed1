package dev.kilowatt.ocpp201;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The table of what the CSMS's calls become: each translator knows the calls of its block ({@link CsmsCalls}
 * the core's 1.6-shaped ones, {@link ServiceCalls}, {@link Reports}, {@link FirmwareCalls},
 * {@link CertificateCalls}, {@link LocalAuthCalls}, {@link SmartChargingCalls}) and is asked in the table's order;
 * the first that knows a call routes it. A call none of them knows is not supported.
 */
final class CsmsCallRoutes {

  private final List<Function<Messages.Request<?>, Optional<Route>>> translators;

  CsmsCallRoutes(List<Function<Messages.Request<?>, Optional<Route>>> translators) {
    this.translators = List.copyOf(translators);
  }

  /** The route of {@code request} by the first translator that knows it (the later ones are not asked). */
  Optional<Route> of(Messages.Request<?> request) {
    return translators.stream().map(translator -> translator.apply(request)).flatMap(Optional::stream).findFirst();
  }
}
