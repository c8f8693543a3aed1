package dev.kilowatt.examples.web;

import dev.kilowatt.core.message.ChargingSchedule;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A connector at one moment, as the web console shows it.
 *
 * @param id the connector's id, from 1
 * @param status the OCPP status, as last worked out by the charge point (e.g. Charging)
 * @param errorCode the OCPP ChargePointErrorCode (NoError when all is well)
 * @param pilot the control pilot state the EV sets (A to F)
 * @param relayClosed whether the relay is closed, as its feedback says
 * @param offeredA the current the charge point lets the EV draw now
 * @param drawnA the current the meter measures
 * @param energyWh the meter's energy register
 * @param transactionRunning whether a transaction runs on the connector
 * @param transactionId the central system's id of that transaction, once it is known
 * @param limitA the smart-charging limit in force now, from the composite schedule; empty without one
 * @param limitExplanation where the current offered comes from, for people
 * @param composite the composite schedule from {@link StationView#at()} on, as GetCompositeSchedule reports it
 */
public record ConnectorView(int id, String status, String errorCode, String pilot, boolean relayClosed, double offeredA, double drawnA,
    double energyWh, boolean transactionRunning, Optional<Integer> transactionId, OptionalDouble limitA, String limitExplanation,
    Optional<ChargingSchedule> composite) {

  /** Rejects a null component: a view always has every part, an absent value is an empty optional. */
  public ConnectorView {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(pilot, "pilot");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(limitA, "limitA");
    Objects.requireNonNull(limitExplanation, "limitExplanation");
    Objects.requireNonNull(composite, "composite");
  }
}
