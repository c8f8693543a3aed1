package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.CertificateSignedRequest;
import dev.kilowatt.core.message.CertificateSignedResponse;
import dev.kilowatt.core.message.CertificateSignedStatus;
import dev.kilowatt.core.message.CertificateStatus;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ExtendedMessageTrigger;
import dev.kilowatt.core.message.ExtendedTriggerMessageRequest;
import dev.kilowatt.core.message.InstallCertificateRequest;
import dev.kilowatt.core.message.InstallCertificateResponse;
import dev.kilowatt.core.message.SignCertificateRequest;
import dev.kilowatt.core.message.StatusNotificationRequest;
import dev.kilowatt.core.port.ConnectionSettings.ClientCertificate;
import dev.kilowatt.core.security.Certificates;
import dev.kilowatt.core.security.ChargePointCertificates;
import dev.kilowatt.core.security.ChargePointCertificatesTest;
import dev.kilowatt.core.security.TestPki;
import dev.kilowatt.core.storage.WriteBehind;
import dev.kilowatt.test.InMemoryStorage;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the private key of the charge point certificate is durable before the charger acts on it. A signing
 * request goes out once its key and the request are on the medium, a certificate is answered Accepted once it is, and
 * a refused write sends nothing or answers Rejected, reported as a fault.
 */
class CertificateKeysDurableFirstTest {

  private static final String CPO = "Kilowatt CPO";
  private static final String KEYS = "secrets/security/private-key-";
  private static final CertificateSignedResponse ACCEPTED = new CertificateSignedResponse(CertificateSignedStatus.ACCEPTED);

  private final TestPki.Authority root = TestPki.root("CPO Root");

  @Test
  void aSigningRequestGoesOutOnlyOnceItsKeyAndTheRequestAreOnTheMedium() {
    HeldWriter writer = new HeldWriter();
    InMemoryStorage medium = new InMemoryStorage();
    Harness h = online(new Harness(1, medium).customize(b -> b.storageWriter(writer)), writer::finishAll);

    requestSigning(h);
    assertEquals(List.of(), h.cs.sent(SignCertificateRequest.class), "the key waits for the writer");
    while (writer.held() > 0) {
      writer.finish();
      h.run();
      if (!h.cs.sent(SignCertificateRequest.class).isEmpty()) {
        assertFalse(medium.keys(KEYS).isEmpty(), "sent, so its key is durable");
        assertTrue(medium.load(ChargePointCertificates.PENDING_KEY, ChargePointCertificates.Pending.class).isPresent(), "and the request");
      }
    }
    assertEquals(1, h.cs.sent(SignCertificateRequest.class).size());
  }

  @Test
  void aCertificateIsAnsweredOnlyOnceItIsOnTheMedium() {
    HeldWriter writer = new HeldWriter();
    InMemoryStorage medium = new InMemoryStorage();
    Harness h = online(new Harness(1, medium).customize(b -> b.storageWriter(writer)), writer::finishAll);
    requestSigning(h);
    writer.finishAll(h);

    String chain = chainFor(h.cs.sent(SignCertificateRequest.class).getLast());
    String call = h.cs.call(new CertificateSignedRequest(chain));
    h.run();
    assertEquals(Optional.empty(), h.cs.replyTo(call), "the certificate waits for the writer");
    while (writer.held() > 0) {
      writer.finish();
      h.run();
      if (h.cs.replyTo(call).isPresent()) {
        assertTrue(medium.load(ChargePointCertificates.ISSUED_KEY, ChargePointCertificates.IssuedList.class).isPresent(),
            "answered, so durable");
      }
    }
    assertEquals(Optional.of(ACCEPTED), h.cs.replyTo(call));
    assertEquals(Optional.of(chain), h.cs.settings().clientCertificate().map(ClientCertificate::certificateChainPem));
  }

  /**
   * The power goes at each write of a request and its certificate in turn. After the boot, an accepted certificate is
   * in use, and a request that went out can still be answered: its key and the request survived.
   */
  @Test
  void aCutAtAnyWriteLeavesNoRequestWithoutItsKeyAndNoAcceptedCertificateLost() {
    for (int cutAt = 1; ; cutAt++) {
      FaultyStorage storage = new FaultyStorage();
      HeldWriter writer = new HeldWriter();
      Harness h = online(new Harness(1, storage).customize(b -> b.storageWriter(writer)), writer::finishAll);
      storage.cutPowerAtSave(cutAt);
      boolean cut = false;
      Optional<String> chain = Optional.empty();
      Optional<String> call = Optional.empty();
      try {
        requestSigning(h);
        writer.finishAll(h);
        chain = Optional.of(chainFor(h.cs.sent(SignCertificateRequest.class).getLast()));
        call = Optional.of(h.cs.call(new CertificateSignedRequest(chain.get())));
        writer.finishAll(h);
      } catch (FaultyStorage.PowerCut expected) {
        cut = true;
      }
      boolean accepted = call.flatMap(h.cs::replyTo).filter(ACCEPTED::equals).isPresent();
      storage.cutPowerAtSave(0);
      List<SignCertificateRequest> requests = h.cs.sent(SignCertificateRequest.class);
      h.cp.stop();
      h.run();
      storage.powerBack();
      Harness after = new Harness(1, storage).configure("CpoName", CPO).online();

      Optional<String> inUse = after.cs.settings().clientCertificate().map(ClientCertificate::certificateChainPem);
      if (accepted) {
        assertEquals(chain, inUse, "accepted before the cut at write " + cutAt);
      } else if (!requests.isEmpty() && inUse.isEmpty()) {
        assertEquals(ACCEPTED, after.call(new CertificateSignedRequest(chainFor(requests.getLast()))),
            "the request survived the cut at write " + cutAt);
      }
      if (!cut) {
        assertTrue(accepted, "without a cut the certificate is accepted");
        return;
      }
    }
  }

  @Test
  void aCertificateTheStorageRefusesIsRejectedAndAcceptedOnceTheStorageTakesWritesAgain() {
    FaultyStorage storage = new FaultyStorage();
    Harness h = online(new Harness(1, storage), Harness::run);
    requestSigning(h);
    String chain = chainFor(h.cs.sent(SignCertificateRequest.class).getLast());
    storage.failSavesOf(ChargePointCertificates.ISSUED_KEY);

    assertEquals(new CertificateSignedResponse(CertificateSignedStatus.REJECTED), h.call(new CertificateSignedRequest(chain)));
    assertEquals(Optional.empty(), h.cs.settings().clientCertificate());
    assertEquals(Optional.of("StorageWriteFailed"), lastOfConnectorZero(h).vendorErrorCode());

    storage.failSavesOf(null);
    h.advance(WriteBehind.RETRY_EVERY);
    assertEquals(ChargePointErrorCode.NO_ERROR, lastOfConnectorZero(h).errorCode(), "the fault clears");
    assertEquals(ACCEPTED, h.call(new CertificateSignedRequest(chain)), "the request is still waiting");
    assertEquals(Optional.of(chain), h.restartOnline().cs.settings().clientCertificate().map(ClientCertificate::certificateChainPem));
  }

  @Test
  void aKeyAnEmbeddersStoreRefusesSendsNoRequestAndIsAFaultAndTheStoreIsChangedOffTheLoop() {
    RecordingSecrets secrets = new RecordingSecrets();
    HeldWriter writer = new HeldWriter();
    Harness h = online(new Harness().customize(b -> b.secretStore(secrets).storageWriter(writer)), writer::finishAllElsewhere);
    secrets.refuse = true;

    requestSigning(h);
    writer.finishAllElsewhere(h);
    assertEquals(List.of(), h.cs.sent(SignCertificateRequest.class));
    assertEquals(Optional.of("SecretWriteFailed"), lastOfConnectorZero(h).vendorErrorCode());
    secrets.refuse = false;
    requestSigning(h);
    writer.finishAllElsewhere(h);
    assertEquals(1, h.cs.sent(SignCertificateRequest.class).size());
    assertEquals(ChargePointErrorCode.NO_ERROR, lastOfConnectorZero(h).errorCode(), "the fault clears");
    assertEquals(1, secrets.secrets.size());
    secrets.changedOn.forEach(thread -> assertNotSame(Thread.currentThread(), thread, "the loop runs on the test's thread"));
  }

  /** Starts {@code h} online with CpoName set and {@link #root} installed; {@code settle} lets the writes land. */
  private Harness online(Harness h, Consumer<Harness> settle) {
    h.configure("CpoName", CPO).online();
    settle.accept(h);
    String install = h.cs.call(new InstallCertificateRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, root.pem()));
    settle.accept(h);
    assertEquals(Optional.of(new InstallCertificateResponse(CertificateStatus.ACCEPTED)), h.cs.replyTo(install));
    return h;
  }

  private static void requestSigning(Harness h) {
    h.cs.call(new ExtendedTriggerMessageRequest(ExtendedMessageTrigger.SIGN_CHARGE_POINT_CERTIFICATE, Optional.empty()));
    h.run();
  }

  private String chainFor(SignCertificateRequest request) {
    try {
      return Certificates.pem(root.leaf(ChargePointCertificatesTest.publicKeyOf(request.csr()), CPO, "SN-1", TestPki.LONG_AGO,
          TestPki.FAR_AHEAD));
    } catch (Exception e) {
      throw new AssertionError("the request does not parse", e);
    }
  }

  private static StatusNotificationRequest lastOfConnectorZero(Harness h) {
    return h.cs.sent(StatusNotificationRequest.class).stream().filter(s -> s.connectorId() == 0).reduce((a, b) -> b).orElseThrow();
  }
}
