package dev.kilowatt.examples;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * An independent central system of one OCPP version, and what it received from the charger read back in charging
 * terms, so that one scenario asserts the same things over either protocol. Every list is a snapshot in the order
 * of arrival; scenarios wait on them with a deadline.
 */
interface CentralSystemView extends AutoCloseable {

  /** Why a transaction ended, as both versions can say it (2.0.1's ImmediateReset and 1.6's Soft/HardReset are one). */
  enum StopCause { LOCAL, REMOTE, RESET, EV_DISCONNECTED, POWER_LOSS, OTHER }

  /**
   * A transaction the central system heard start.
   *
   * @param transaction its id as the two sides know it (1.6: the central system's number; 2.0.1: the station's string)
   * @param token the IdTag or IdToken that started it
   * @param connector where it runs (2.0.1: the EVSE, one connector each)
   * @param meterStartWh the energy register at the start
   */
  record Started(String transaction, String token, int connector, double meterStartWh) {}

  /**
   * A transaction the central system heard end.
   *
   * @param transaction its id
   * @param cause why it ended
   * @param meterStopWh the energy register at the end
   */
  record Stopped(String transaction, StopCause cause, double meterStopWh) {}

  /**
   * An energy reading of a running transaction (1.6: a MeterValues; 2.0.1: a TransactionEvent Updated).
   *
   * @param transaction its transaction
   * @param at when the charger took it
   * @param energyWh the energy register
   */
  record Sample(String transaction, Instant at, double energyWh) {}

  /**
   * A connector status the charger reported.
   *
   * @param connector the connector (2.0.1: the EVSE)
   * @param available whether it is Available
   */
  record ConnectorReport(int connector, boolean available) {}

  /** The protocol this central system speaks. */
  Protocol protocol();

  /** The URL a charger appends its identity to. */
  URI url();

  /** How many BootNotifications arrived. */
  int boots();

  List<ConnectorReport> statuses();

  List<Started> started();

  List<Stopped> stopped();

  List<Sample> samples();

  /** Asks the charger to start a transaction for {@code token} on {@code connector}; whether it accepted. */
  boolean remoteStart(String token, int connector);

  /** Asks the charger to stop {@code transaction}; whether it accepted. */
  boolean remoteStop(String transaction);

  /** Asks the charger to reset now; whether it accepted. */
  boolean reset();

  /** The central system becomes unreachable: its connection closes and new ones are refused, until {@link #goOnline()}. */
  void goOffline();

  /** The central system listens again, at the same URL. */
  void goOnline();

  /** Stops the central system. */
  @Override
  void close();
}
