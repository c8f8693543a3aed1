package dev.kilowatt.core.message;

/**
 * A request the Central System sends to the charge point, which must answer it.
 *
 * @param <R> the type of the CALLRESULT the charge point answers with
 */
public sealed interface CentralSystemRequest<R extends Response> extends Request<R>
    permits
        CancelReservationRequest,
        ChangeAvailabilityRequest,
        ChangeConfigurationRequest,
        ClearCacheRequest,
        ClearChargingProfileRequest,
        DataTransferRequest,
        GetCompositeScheduleRequest,
        GetConfigurationRequest,
        GetDiagnosticsRequest,
        GetLocalListVersionRequest,
        RemoteStartTransactionRequest,
        RemoteStopTransactionRequest,
        ReserveNowRequest,
        ResetRequest,
        SendLocalListRequest,
        SetChargingProfileRequest,
        TriggerMessageRequest,
        UnlockConnectorRequest,
        UpdateFirmwareRequest,
        CertificateSignedRequest,
        DeleteCertificateRequest,
        ExtendedTriggerMessageRequest,
        GetInstalledCertificateIdsRequest,
        GetLogRequest,
        InstallCertificateRequest,
        SignedUpdateFirmwareRequest {
}
