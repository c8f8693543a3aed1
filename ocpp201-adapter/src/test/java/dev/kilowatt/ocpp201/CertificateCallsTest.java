package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.kilowatt.core.message.CertificateSignedStatus;
import dev.kilowatt.core.message.CertificateStatus;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.DeleteCertificateStatus;
import dev.kilowatt.core.message.ExtendedMessageTrigger;
import dev.kilowatt.core.message.ExtendedTriggerMessageRequest;
import dev.kilowatt.core.message.ExtendedTriggerMessageResponse;
import dev.kilowatt.core.message.GenericStatus;
import dev.kilowatt.core.message.GetInstalledCertificateIdsRequest;
import dev.kilowatt.core.message.GetInstalledCertificateIdsResponse;
import dev.kilowatt.core.message.GetInstalledCertificateStatus;
import dev.kilowatt.core.message.HashAlgorithm;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.message.TriggerMessageStatus;
import dev.kilowatt.ocpp201.CertificateMessages.CertificateHashData;
import dev.kilowatt.ocpp201.CertificateMessages.CertificateHashDataChain;
import dev.kilowatt.ocpp201.CertificateMessages.CertificateSigningUse;
import dev.kilowatt.ocpp201.CertificateMessages.GetCertificateIdUse;
import dev.kilowatt.ocpp201.CertificateMessages.InstallCertificateUse;
import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each certificate message of the CSMS becomes for the core, and what the core's answers become (no network). */
class CertificateCallsTest {

  private static final String PEM = "-----BEGIN CERTIFICATE-----";
  private static final dev.kilowatt.core.message.CertificateHashData CORE_HASH =
      new dev.kilowatt.core.message.CertificateHashData(HashAlgorithm.SHA384, "aa", "bb", "1F");
  private static final CertificateHashData HASH =
      new CertificateHashData(CertificateMessages.HashAlgorithm.SHA384, "aa", "bb", "1F");

  private static Exchange exchange(Messages.Request<?> request) {
    return assertInstanceOf(Route.Now.class, CertificateCalls.translate(request).orElseThrow()).exchange();
  }

  private static Messages.Response answered(Exchange exchange, Response... answers) {
    assertEquals(answers.length, exchange.requests().size(), exchange.requests()::toString);
    return exchange.answer().apply(List.of(answers));
  }

  @Test
  void theTwoRootTypesOf16AreInstalledByTheCoreAndTheIsoRootsRejectedWithoutIt() {
    Exchange csms = exchange(new CertificateMessages.InstallCertificateRequest(InstallCertificateUse.CSMSRootCertificate, PEM));
    assertEquals(List.of(new dev.kilowatt.core.message.InstallCertificateRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, PEM)),
        csms.requests());
    assertEquals(CertificateMessages.InstallCertificateStatus.Failed, ((CertificateMessages.InstallCertificateResponse) answered(csms,
        new dev.kilowatt.core.message.InstallCertificateResponse(CertificateStatus.FAILED))).status());

    Exchange manufacturer = exchange(new CertificateMessages.InstallCertificateRequest(
        InstallCertificateUse.ManufacturerRootCertificate, PEM));
    assertEquals(List.of(new dev.kilowatt.core.message.InstallCertificateRequest(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, PEM)),
        manufacturer.requests());
    assertEquals(CertificateMessages.InstallCertificateStatus.Rejected, ((CertificateMessages.InstallCertificateResponse) answered(
        manufacturer, new dev.kilowatt.core.message.InstallCertificateResponse(CertificateStatus.REJECTED))).status());

    for (InstallCertificateUse iso : List.of(InstallCertificateUse.V2GRootCertificate, InstallCertificateUse.MORootCertificate)) {
      CertificateMessages.InstallCertificateResponse rejected = (CertificateMessages.InstallCertificateResponse) answered(
          exchange(new CertificateMessages.InstallCertificateRequest(iso, PEM)));
      assertEquals(CertificateMessages.InstallCertificateStatus.Rejected, rejected.status(), iso::name);
      assertEquals("NotSupported", rejected.statusInfo().orElseThrow().reasonCode());
    }
  }

  @Test
  void installedIdsOfEveryTypeAskTheCoreForBothOfItsUsesAndListTheAnswersTogether() {
    Exchange all = exchange(new CertificateMessages.GetInstalledCertificateIdsRequest(List.of()));
    assertEquals(List.of(new GetInstalledCertificateIdsRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE),
        new GetInstalledCertificateIdsRequest(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE)), all.requests());
    CertificateMessages.GetInstalledCertificateIdsResponse listed = (CertificateMessages.GetInstalledCertificateIdsResponse) answered(all,
        new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatus.NOT_FOUND, List.of()),
        new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatus.ACCEPTED, List.of(CORE_HASH, CORE_HASH)));
    assertEquals(CertificateMessages.GetInstalledCertificateStatus.Accepted, listed.status());
    assertEquals(List.of(new CertificateHashDataChain(GetCertificateIdUse.ManufacturerRootCertificate, HASH, List.of()),
        new CertificateHashDataChain(GetCertificateIdUse.ManufacturerRootCertificate, HASH, List.of())),
        listed.certificateHashDataChain());

    Exchange csmsRoots = exchange(new CertificateMessages.GetInstalledCertificateIdsRequest(
        List.of(GetCertificateIdUse.V2GRootCertificate, GetCertificateIdUse.CSMSRootCertificate)));
    assertEquals(List.of(new GetInstalledCertificateIdsRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE)), csmsRoots.requests());
    CertificateMessages.GetInstalledCertificateIdsResponse none = (CertificateMessages.GetInstalledCertificateIdsResponse) answered(
        csmsRoots, new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatus.NOT_FOUND, List.of()));
    assertEquals(CertificateMessages.GetInstalledCertificateStatus.NotFound, none.status());
    assertEquals(List.of(), none.certificateHashDataChain());
  }

  @Test
  void installedIdsOfOnlyTypesTheCoreDoesNotKeepAreNotFoundWithoutTheCore() {
    Exchange iso = exchange(new CertificateMessages.GetInstalledCertificateIdsRequest(List.of(GetCertificateIdUse.V2GRootCertificate,
        GetCertificateIdUse.MORootCertificate, GetCertificateIdUse.V2GCertificateChain)));
    assertEquals(new CertificateMessages.GetInstalledCertificateIdsResponse(CertificateMessages.GetInstalledCertificateStatus.NotFound,
        Optional.empty(), List.of()), answered(iso));
  }

  @Test
  void aDeletionIsTheCoresOfTheSameIdentityAndItsAnswerByName() {
    Exchange delete = exchange(new CertificateMessages.DeleteCertificateRequest(HASH));
    assertEquals(List.of(new dev.kilowatt.core.message.DeleteCertificateRequest(CORE_HASH)), delete.requests());
    for (DeleteCertificateStatus status : DeleteCertificateStatus.values()) {
      assertEquals(status.ocppValue(), ((CertificateMessages.DeleteCertificateResponse) answered(delete,
          new dev.kilowatt.core.message.DeleteCertificateResponse(status))).status().name());
    }
  }

  @Test
  void aSignedChainOfTheStationsCertificateGoesToTheCoreAndAV2gOneIsRejectedWithoutIt() {
    for (Optional<CertificateSigningUse> type : List.of(Optional.<CertificateSigningUse>empty(),
        Optional.of(CertificateSigningUse.ChargingStationCertificate))) {
      Exchange signed = exchange(new CertificateMessages.CertificateSignedRequest(PEM, type));
      assertEquals(List.of(new dev.kilowatt.core.message.CertificateSignedRequest(PEM)), signed.requests());
      assertEquals(CertificateMessages.CertificateSignedStatus.Rejected, ((CertificateMessages.CertificateSignedResponse) answered(signed,
          new dev.kilowatt.core.message.CertificateSignedResponse(CertificateSignedStatus.REJECTED))).status());
    }
    CertificateMessages.CertificateSignedResponse v2g = (CertificateMessages.CertificateSignedResponse) answered(exchange(
        new CertificateMessages.CertificateSignedRequest(PEM, Optional.of(CertificateSigningUse.V2GCertificate))));
    assertEquals(CertificateMessages.CertificateSignedStatus.Rejected, v2g.status());
  }

  @Test
  void aTriggeredSignChargingStationCertificateIsTheCoresExtendedTriggerOfItsCertificate() {
    Exchange trigger = exchange(new Messages.TriggerMessageRequest(Enums.MessageTrigger.SignChargingStationCertificate,
        Optional.empty()));
    assertEquals(List.of(new ExtendedTriggerMessageRequest(ExtendedMessageTrigger.SIGN_CHARGE_POINT_CERTIFICATE, Optional.empty())),
        trigger.requests());
    assertEquals(Enums.TriggerMessageStatus.Rejected, ((Messages.TriggerMessageResponse) answered(trigger,
        new ExtendedTriggerMessageResponse(TriggerMessageStatus.REJECTED))).status());
    assertEquals(Optional.empty(), CertificateCalls.translate(new Messages.TriggerMessageRequest(
        Enums.MessageTrigger.SignV2GCertificate, Optional.empty())), "not the core's: CsmsCalls answers NotImplemented");
  }

  @Test
  void theCoresSigningRequestIsForTheChargingStationCertificate() {
    Outbound.Send<?> send = assertInstanceOf(Outbound.Send.class,
        CertificateCalls.signCertificate(new dev.kilowatt.core.message.SignCertificateRequest("csr")));
    assertEquals(new CertificateMessages.SignCertificateRequest("csr", Optional.of(CertificateSigningUse.ChargingStationCertificate)),
        send.request());
    @SuppressWarnings("unchecked")
    Outbound.Send<CertificateMessages.SignCertificateResponse> sign = (Outbound.Send<CertificateMessages.SignCertificateResponse>) send;
    assertEquals(new dev.kilowatt.core.message.SignCertificateResponse(GenericStatus.REJECTED), sign.answer().apply(
        new CertificateMessages.SignCertificateResponse(CertificateMessages.GenericStatus.Rejected, Optional.empty())));
    assertEquals(new dev.kilowatt.core.message.SignCertificateResponse(GenericStatus.ACCEPTED), sign.answer().apply(
        new CertificateMessages.SignCertificateResponse(CertificateMessages.GenericStatus.Accepted, Optional.empty())));
  }
}
