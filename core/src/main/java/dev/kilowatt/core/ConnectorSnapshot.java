package dev.kilowatt.core;

import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ChargePointStatus;
import java.util.Optional;

/**
 * A connector as it is at one moment, for displays and consoles.
 *
 * @param connectorId the connector's number, from 1
 * @param status its OCPP 1.6 status, as StatusNotification reports it
 * @param errorCode the errorCode that goes with the status; NoError when there is none
 * @param transactionRunning whether a transaction runs on it, even one whose transactionId is not yet known
 * @param transactionId the central system's id of the running transaction, once known
 * @param offeredA the current the EV may draw now, in amperes per phase
 * @param offerExplanation why that much, as {@link ChargePointListener#onOfferChanged} tells it
 * @param energyWh the meter's energy register, in Wh
 */
public record ConnectorSnapshot(int connectorId, ChargePointStatus status, ChargePointErrorCode errorCode, boolean transactionRunning,
    Optional<Integer> transactionId, double offeredA, double energyWh,
    String offerExplanation) {}
