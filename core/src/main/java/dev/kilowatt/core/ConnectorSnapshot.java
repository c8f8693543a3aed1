package dev.kilowatt.core;

import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ChargePointStatus;
import java.util.Optional;

/**
 * A connector as it is at one moment, for displays and consoles.
 *
 * @param transactionId the central system's id of the running transaction, once known
 * @param offeredA the current the EV may draw now
 * @param offerExplanation why that much, as {@link ChargePointListener#onOfferChanged} tells it
 * @param energyWh the meter's energy register
 */
public record ConnectorSnapshot(int connectorId, ChargePointStatus status, ChargePointErrorCode errorCode, boolean transactionRunning,
    Optional<Integer> transactionId, double offeredA, double energyWh,
    String offerExplanation) {}
