package dev.kilowatt.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.message.CertificateSignedStatus;
import dev.kilowatt.core.message.SignCertificateRequest;
import dev.kilowatt.core.port.ConnectionSettings.ClientCertificate;
import java.security.PublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The private keys of the charge point's certificates are in the secret store, never in the storage (issue 9). */
class PrivateKeyStorageTest {

  private final TestPki.Authority root = TestPki.root("CPO Root");

  @Test
  void theKeyOfARequestAndOfItsCertificateIsKeptInTheSecretStoreOnly() throws Exception {
    SecurityRig rig = rig();
    PublicKey key = ChargePointCertificatesTest.request(rig);
    assertEquals("", savedRequest(rig).privateKey(), "the saved request keeps only its public key");
    assertEquals(1, rig.secrets.secrets.size());

    String chain = Certificates.pem(root.leaf(key, "Kilowatt CPO", "SN-1", TestPki.LONG_AGO, TestPki.FAR_AHEAD));
    assertEquals(CertificateSignedStatus.ACCEPTED, ChargePointCertificatesTest.signed(rig, chain));
    assertTrue(savedCertificates(rig).stream().allMatch(i -> i.privateKey().isEmpty()));
    String privateKey = rig.cs.settings().clientCertificate().map(ClientCertificate::privateKeyPkcs8Pem).orElseThrow();
    assertTrue(privateKey.contains("BEGIN PRIVATE KEY"));

    rig.restart();
    assertEquals(privateKey, rig.cs.settings().clientCertificate().map(ClientCertificate::privateKeyPkcs8Pem).orElseThrow(),
        "after a restart the key comes from the secret store");
    assertEquals(1, rig.secrets.secrets.size(), "one key for the request and its certificate");
  }

  @Test
  void keysAnOlderVersionSavedInClearAreMovedAtStart() throws Exception {
    SecurityRig rig = rig();
    PublicKey key = ChargePointCertificatesTest.request(rig);
    String chain = Certificates.pem(root.leaf(key, "Kilowatt CPO", "SN-1", TestPki.LONG_AGO, TestPki.FAR_AHEAD));
    ChargePointCertificatesTest.signed(rig, chain);
    ClientCertificate client = rig.cs.settings().clientCertificate().orElseThrow();
    rig.storage.save(ChargePointCertificates.ISSUED_KEY, new ChargePointCertificates.IssuedList(
        List.of(new ChargePointCertificates.Issued(client.certificateChainPem(), client.privateKeyPkcs8Pem()))));
    rig.secrets.secrets.clear();

    rig.restart();
    assertEquals(client, rig.cs.settings().clientCertificate().orElseThrow());
    assertEquals(1, rig.secrets.secrets.size(), "moved into the secret store");
    assertTrue(savedCertificates(rig).stream().allMatch(i -> i.privateKey().isEmpty()), "and out of the storage");
  }

  @Test
  void aRequestWhoseKeyTheStoreRefusesIsNotSent() {
    SecurityRig rig = rig();
    rig.secrets.refuseWrites = true;
    rig.run(rig.security::requestCertificateSigning);
    assertTrue(rig.cs.sent(SignCertificateRequest.class).isEmpty(), "a certificate for a key that is not kept would be useless");
    assertTrue(rig.storage.load(ChargePointCertificates.PENDING_KEY, ChargePointCertificates.Pending.class).isEmpty());
    rig.secrets.refuseWrites = false;
    assertTrue(rig.run(rig.security::requestCertificateSigning), "the next request is made");
    assertEquals(1, rig.cs.sent(SignCertificateRequest.class).size());
  }

  private SecurityRig rig() {
    return ChargePointCertificatesTest.rigTrusting(root);
  }

  private static ChargePointCertificates.Pending savedRequest(SecurityRig rig) {
    return rig.storage.load(ChargePointCertificates.PENDING_KEY, ChargePointCertificates.Pending.class).orElseThrow();
  }

  private static List<ChargePointCertificates.Issued> savedCertificates(SecurityRig rig) {
    return rig.storage.load(ChargePointCertificates.ISSUED_KEY, ChargePointCertificates.IssuedList.class).orElseThrow().certificates();
  }
}
