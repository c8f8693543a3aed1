package dev.kilowatt.examples.web;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A station at one moment, as the web console shows it.
 *
 * @param chargePointId the station's identity, as the central system knows it
 * @param connectors each connector's view, in id order
 * @param at when it was seen, on the station's clock
 * @param linkUp whether the station is connected to its central system
 * @param queuedTransactionMessages transaction messages saved and waiting for the central system (the offline queue)
 * @param boots how many times the station has started, the first start included
 */
public record StationView(String chargePointId, Instant at, boolean linkUp, int queuedTransactionMessages, int boots,
    List<ConnectorView> connectors) {

  /** Rejects a null identity or time and copies the connectors, so the view stays as seen. */
  public StationView {
    Objects.requireNonNull(chargePointId, "chargePointId");
    Objects.requireNonNull(at, "at");
    connectors = List.copyOf(connectors);
  }
}
