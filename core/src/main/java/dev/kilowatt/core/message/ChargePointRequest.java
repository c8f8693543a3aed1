package dev.kilowatt.core.message;

/**
 * A request the charge point sends to the Central System.
 *
 * @param <R> the type of the CALLRESULT the Central System answers with
 */
public sealed interface ChargePointRequest<R extends Response> extends Request<R>
    permits
        AuthorizeRequest,
        BootNotificationRequest,
        DataTransferRequest,
        DiagnosticsStatusNotificationRequest,
        FirmwareStatusNotificationRequest,
        HeartbeatRequest,
        MeterValuesRequest,
        StartTransactionRequest,
        StatusNotificationRequest,
        StopTransactionRequest,
        LogStatusNotificationRequest,
        SecurityEventNotificationRequest,
        SignCertificateRequest,
        SignedFirmwareStatusNotificationRequest {
}
