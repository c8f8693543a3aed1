package dev.kilowatt.core;

import java.util.Optional;

/**
 * A connector as it is at one moment, for displays and consoles.
 *
 * @param connectorId the connector's number, from 1
 * @param state what it is doing ({@link Ocpp16Mapping#status} names it in OCPP 1.6 words)
 * @param fault what is wrong with it; {@link ConnectorFault#NONE} when nothing is ({@link Ocpp16Mapping#errorCode})
 * @param transactionRunning whether a transaction runs on it, even one whose transactionId is not yet known
 * @param transactionId the central system's id of the running transaction, once known
 * @param offeredA the current the EV may draw now, in amperes per phase
 * @param offerExplanation why that much, as {@link ChargePointListener#onOfferChanged} tells it
 * @param energyWh the meter's energy register, in Wh
 */
public record ConnectorSnapshot(int connectorId, ConnectorState state, ConnectorFault fault, boolean transactionRunning,
    Optional<Integer> transactionId, double offeredA, double energyWh,
    String offerExplanation) {}
