package dev.kilowatt.examples.fleet;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;

/**
 * What every station of a fleet shares: the threads its loops run on, the HTTP client its link rides,
 * where the central system is, the fleet's description, the figures, and the OCPP configuration each
 * charge point starts with.
 */
record FleetRuntime(LoopPool loops, HttpClient client, URI centralSystem, FleetFile fleet, FleetStats stats,
    Map<String, String> factoryConfiguration) {

  FleetRuntime {
    factoryConfiguration = Map.copyOf(factoryConfiguration);
  }
}
