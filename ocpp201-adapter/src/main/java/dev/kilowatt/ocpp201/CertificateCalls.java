package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.ExtendedMessageTrigger;
import dev.kilowatt.core.message.ExtendedTriggerMessageRequest;
import dev.kilowatt.core.message.ExtendedTriggerMessageResponse;
import dev.kilowatt.core.message.GetInstalledCertificateStatus;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.ocpp201.CertificateMessages.CertificateHashData;
import dev.kilowatt.ocpp201.CertificateMessages.CertificateHashDataChain;
import dev.kilowatt.ocpp201.CertificateMessages.CertificateSignedRequest;
import dev.kilowatt.ocpp201.CertificateMessages.CertificateSignedResponse;
import dev.kilowatt.ocpp201.CertificateMessages.CertificateSignedStatus;
import dev.kilowatt.ocpp201.CertificateMessages.CertificateSigningUse;
import dev.kilowatt.ocpp201.CertificateMessages.DeleteCertificateRequest;
import dev.kilowatt.ocpp201.CertificateMessages.DeleteCertificateResponse;
import dev.kilowatt.ocpp201.CertificateMessages.DeleteCertificateStatus;
import dev.kilowatt.ocpp201.CertificateMessages.GetCertificateIdUse;
import dev.kilowatt.ocpp201.CertificateMessages.GetInstalledCertificateIdsRequest;
import dev.kilowatt.ocpp201.CertificateMessages.GetInstalledCertificateIdsResponse;
import dev.kilowatt.ocpp201.CertificateMessages.HashAlgorithm;
import dev.kilowatt.ocpp201.CertificateMessages.InstallCertificateRequest;
import dev.kilowatt.ocpp201.CertificateMessages.InstallCertificateResponse;
import dev.kilowatt.ocpp201.CertificateMessages.InstallCertificateStatus;
import dev.kilowatt.ocpp201.CertificateMessages.SignCertificateRequest;
import dev.kilowatt.ocpp201.CertificateMessages.SignCertificateResponse;
import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The certificate calls ({@link CertificateMessages}) as the core's calls of the 1.6 security extension, whose
 * certificate store and charge point certificate they use as they are: what is checked, what is kept, and that an
 * answer Accepted waits until it is durable, stay the core's.
 *
 * <table>
 *   <caption>what each certificate message becomes</caption>
 *   <tr><th>OCPP 2.0.1</th><th>core (1.6 security extension)</th></tr>
 *   <tr><td>InstallCertificate CSMSRootCertificate, ManufacturerRootCertificate</td><td>InstallCertificate
 *       CentralSystemRootCertificate, ManufacturerRootCertificate; Accepted, Rejected, Failed as the core says</td></tr>
 *   <tr><td>InstallCertificate V2GRootCertificate, MORootCertificate</td><td>Rejected, without the core: it keeps
 *       no ISO 15118 roots</td></tr>
 *   <tr><td>GetInstalledCertificateIds</td><td>one GetInstalledCertificateIds per type the core keeps among those
 *       asked for (all when none is named); the answers together, each entry with its 2.0.1 type; NotFound, and no
 *       list, when none is installed (M03), without the core when no type asked for is one it keeps</td></tr>
 *   <tr><td>DeleteCertificate</td><td>DeleteCertificate of the same identity; the core refuses the station's own
 *       certificate (Failed) and the last CSMS root while TLS is in use</td></tr>
 *   <tr><td>CertificateSigned ChargingStationCertificate (or no type)</td><td>CertificateSigned; the core checks the
 *       chain against its last signing request and raises InvalidChargePointCertificate (2.0.1:
 *       InvalidChargingStationCertificate) for one it rejects</td></tr>
 *   <tr><td>CertificateSigned V2GCertificate</td><td>Rejected, without the core: the station makes no ISO 15118
 *       certificate requests</td></tr>
 *   <tr><td>TriggerMessage SignChargingStationCertificate</td><td>ExtendedTriggerMessage SignChargePointCertificate:
 *       Accepted, and the signing request after the answer, when the core can make one (CpoName and the serial number
 *       are set), else Rejected</td></tr>
 * </table>
 *
 * <p>And the core's SignCertificate (asked for by the trigger, or the core's own renewal a month before the certificate
 * expires, A03) goes as a SignCertificate of certificateType ChargingStationCertificate: the only certificate the core
 * asks for is its client certificate for the CSMS.
 */
final class CertificateCalls {

  /** The types of GetCertificateIdUseEnumType the core keeps (1.6 has these two uses only), in the order they are listed. */
  private static final List<GetCertificateIdUse> KEPT = List.of(GetCertificateIdUse.CSMSRootCertificate,
      GetCertificateIdUse.ManufacturerRootCertificate);

  private CertificateCalls() {
  }

  /** The route for {@code request}, or empty for a call that is not about certificates. */
  static Optional<Route> translate(Messages.Request<?> request) {
    return Optional.ofNullable(switch (request) {
      case InstallCertificateRequest install -> new Route.Now(install(install));
      case GetInstalledCertificateIdsRequest ids -> new Route.Now(installedIds(ids.certificateType()));
      case DeleteCertificateRequest delete -> new Route.Now(Exchange.one(
          new dev.kilowatt.core.message.DeleteCertificateRequest(core(delete.certificateHashData())),
          (dev.kilowatt.core.message.DeleteCertificateResponse answer) -> new DeleteCertificateResponse(
              DeleteCertificateStatus.valueOf(answer.status().ocppValue()), Optional.empty())));
      case CertificateSignedRequest signed -> new Route.Now(signed(signed));
      case Messages.TriggerMessageRequest trigger
          when trigger.requestedMessage() == Enums.MessageTrigger.SignChargingStationCertificate -> new Route.Now(Exchange.one(
              new ExtendedTriggerMessageRequest(ExtendedMessageTrigger.SIGN_CHARGE_POINT_CERTIFICATE, Optional.empty()),
              (ExtendedTriggerMessageResponse answer) -> new Messages.TriggerMessageResponse(
                  Enums.TriggerMessageStatus.valueOf(answer.status().ocppValue()), Optional.empty())));
      default -> null;
    });
  }

  /** The core's SignCertificate, for its client certificate for the CSMS, as the 2.0.1 SignCertificate. */
  static Outbound signCertificate(dev.kilowatt.core.message.SignCertificateRequest sign) {
    return new Outbound.Send<>(new SignCertificateRequest(sign.csr(), Optional.of(CertificateSigningUse.ChargingStationCertificate)),
        (SignCertificateResponse answer) -> new dev.kilowatt.core.message.SignCertificateResponse(
            dev.kilowatt.core.message.GenericStatus.fromOcpp(answer.status().name()).orElseThrow()));
  }

  private static Exchange install(InstallCertificateRequest install) {
    Optional<CertificateUse> use = switch (install.certificateType()) {
      case CSMSRootCertificate -> Optional.of(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE);
      case ManufacturerRootCertificate -> Optional.of(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE);
      case V2GRootCertificate, MORootCertificate -> Optional.empty();
    };
    if (use.isEmpty()) {
      return Exchange.local(new InstallCertificateResponse(InstallCertificateStatus.Rejected, notKept(install.certificateType().name())));
    }
    return Exchange.one(new dev.kilowatt.core.message.InstallCertificateRequest(use.get(), install.certificate()),
        (dev.kilowatt.core.message.InstallCertificateResponse answer) -> new InstallCertificateResponse(
            InstallCertificateStatus.valueOf(answer.status().ocppValue()), Optional.empty()));
  }

  /** M03: the types asked for that the core keeps, one GetInstalledCertificateIds each, their answers in one list. */
  private static Exchange installedIds(List<GetCertificateIdUse> asked) {
    List<GetCertificateIdUse> types = KEPT.stream().filter(t -> asked.isEmpty() || asked.contains(t)).toList();
    if (types.isEmpty()) {
      return Exchange.local(new GetInstalledCertificateIdsResponse(CertificateMessages.GetInstalledCertificateStatus.NotFound,
          Optional.empty(), List.of()));
    }
    List<CentralSystemRequest<?>> requests = types.stream()
        .<CentralSystemRequest<?>>map(t -> new dev.kilowatt.core.message.GetInstalledCertificateIdsRequest(use(t))).toList();
    return new Exchange(requests, answers -> installedIds(types, answers));
  }

  private static GetInstalledCertificateIdsResponse installedIds(List<GetCertificateIdUse> types, List<Response> answers) {
    List<CertificateHashDataChain> found = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      dev.kilowatt.core.message.GetInstalledCertificateIdsResponse answer =
          (dev.kilowatt.core.message.GetInstalledCertificateIdsResponse) answers.get(i);
      GetCertificateIdUse type = types.get(i);
      if (answer.status() == GetInstalledCertificateStatus.ACCEPTED) {
        answer.certificateHashData().forEach(d -> found.add(new CertificateHashDataChain(type, ours(d), List.of())));
      }
    }
    return new GetInstalledCertificateIdsResponse(found.isEmpty() ? CertificateMessages.GetInstalledCertificateStatus.NotFound
        : CertificateMessages.GetInstalledCertificateStatus.Accepted, Optional.empty(), found);
  }

  private static Exchange signed(CertificateSignedRequest signed) {
    if (signed.certificateType().filter(t -> t == CertificateSigningUse.V2GCertificate).isPresent()) {
      return Exchange.local(new CertificateSignedResponse(CertificateSignedStatus.Rejected, notKept("V2GCertificate")));
    }
    return Exchange.one(new dev.kilowatt.core.message.CertificateSignedRequest(signed.certificateChain()),
        (dev.kilowatt.core.message.CertificateSignedResponse answer) -> new CertificateSignedResponse(
            CertificateSignedStatus.valueOf(answer.status().ocppValue()), Optional.empty()));
  }

  private static Optional<StatusInfo> notKept(String type) {
    return Optional.of(new StatusInfo("NotSupported", Optional.of("the station keeps no " + type + " (no ISO 15118)")));
  }

  private static CertificateUse use(GetCertificateIdUse type) {
    return type == GetCertificateIdUse.CSMSRootCertificate
        ? CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE : CertificateUse.MANUFACTURER_ROOT_CERTIFICATE;
  }

  private static dev.kilowatt.core.message.CertificateHashData core(CertificateHashData data) {
    return new dev.kilowatt.core.message.CertificateHashData(
        dev.kilowatt.core.message.HashAlgorithm.fromOcpp(data.hashAlgorithm().name()).orElseThrow(),
        data.issuerNameHash(), data.issuerKeyHash(), data.serialNumber());
  }

  private static CertificateHashData ours(dev.kilowatt.core.message.CertificateHashData data) {
    return new CertificateHashData(HashAlgorithm.valueOf(data.hashAlgorithm().ocppValue()), data.issuerNameHash(),
        data.issuerKeyHash(), data.serialNumber());
  }
}
