package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.ConfigurationStatus;
import eu.chargetime.ocpp.model.core.IdTagInfo;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.localauthlist.AuthorizationData;
import eu.chargetime.ocpp.model.localauthlist.GetLocalListVersionConfirmation;
import eu.chargetime.ocpp.model.localauthlist.GetLocalListVersionRequest;
import eu.chargetime.ocpp.model.localauthlist.SendLocalListConfirmation;
import eu.chargetime.ocpp.model.localauthlist.SendLocalListRequest;
import eu.chargetime.ocpp.model.localauthlist.UpdateStatus;
import eu.chargetime.ocpp.model.localauthlist.UpdateType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Local Authorization List Management test cases of the OCA OCPP 1.6 compliance test document that
 * apply to this device, end to end against the ChargeTime central system. A list's worth shows offline: a
 * listed card starts a transaction that no cache and no central system vouched for.
 */
class LocalAuthListEndToEndTest extends EndToEndFixture {

  private static final String LISTED = "0A11571ED";
  private static final String OTHER = "0BADCA4D";

  @Test
  @DisplayName("TC_042_1_CS Get Local List Version (not supported): -1 while LocalAuthListEnabled is false")
  void tc042GetLocalListVersionNotSupported() {
    boot();
    assertEquals(ConfigurationStatus.Accepted, changeConfiguration("LocalAuthListEnabled", "false"));
    assertEquals(-1, localListVersion());
    assertEquals(UpdateStatus.NotSupported, sendLocalList(1, UpdateType.Full, entry(LISTED, AuthorizationStatus.Accepted)));
  }

  @Test
  @DisplayName("TC_042_2_CS Get Local List Version (empty): 0 before any list was sent")
  void tc042GetLocalListVersionEmpty() {
    boot();
    assertEquals(0, localListVersion());
  }

  @Test
  @DisplayName("TC_043_CS Send Local Authorization List - Full: version taken, a listed card charges offline, an unlisted one does not")
  void tc043SendLocalListFull() {
    boot();
    assertEquals(UpdateStatus.Accepted, sendLocalList(3, UpdateType.Full, entry(LISTED, AuthorizationStatus.Accepted),
        entry(OTHER, AuthorizationStatus.Blocked)));
    assertEquals(3, localListVersion());

    centralSystem.goOffline();
    awaitOffline();
    plugInAndCharge();
    type("card " + OTHER);
    type("card " + CARD);
    type("card " + LISTED);
    awaitConnector(1, c -> c.transactionRunning(), "a transaction started offline by the listed card");

    centralSystem.goOnline();
    StartTransactionRequest start = centralSystem.next(StartTransactionRequest.class);
    assertEquals(LISTED, start.getIdTag(), "neither the blocked nor the unknown card started the transaction");
    assertEquals(1, centralSystem.all(StartTransactionRequest.class).size());
  }

  @Test
  @DisplayName("TC_043_CS Send Local Authorization List - Differential: add and remove entries; a stale version is a VersionMismatch")
  void tc043SendLocalListDifferential() {
    boot();
    assertEquals(UpdateStatus.Accepted, sendLocalList(1, UpdateType.Full, entry(OTHER, AuthorizationStatus.Accepted)));
    assertEquals(UpdateStatus.Accepted, sendLocalList(2, UpdateType.Differential, entry(LISTED, AuthorizationStatus.Accepted),
        new AuthorizationData(OTHER)));
    assertEquals(2, localListVersion());
    assertEquals(UpdateStatus.VersionMismatch, sendLocalList(2, UpdateType.Differential, entry(OTHER, AuthorizationStatus.Accepted)));
    assertEquals(2, localListVersion());

    centralSystem.goOffline();
    awaitOffline();
    plugInAndCharge();
    type("card " + OTHER);
    type("card " + LISTED);
    awaitConnector(1, c -> c.transactionRunning(), "a transaction started offline by the card the update added");

    centralSystem.goOnline();
    assertEquals(LISTED, centralSystem.next(StartTransactionRequest.class).getIdTag(), "the removed card started nothing");
  }

  @Test
  @DisplayName("SendLocalList Full with no entries empties the list: version 0 again")
  void fullUpdateWithoutEntriesEmptiesTheList() {
    boot();
    assertEquals(UpdateStatus.Accepted, sendLocalList(5, UpdateType.Full, entry(LISTED, AuthorizationStatus.Accepted)));
    assertEquals(UpdateStatus.Accepted, sendLocalList(6, UpdateType.Full));
    assertEquals(0, localListVersion());
  }

  @Test
  @DisplayName("The list survives a reboot: same version after a hard reset")
  void theListSurvivesAReboot() {
    boot();
    assertEquals(UpdateStatus.Accepted, sendLocalList(4, UpdateType.Full, entry(LISTED, AuthorizationStatus.Accepted)));
    charger.close();
    charger = null;
    centralSystem.skipReceived();
    boot();
    assertEquals(4, localListVersion());
    assertTrue(centralSystem.all(StartTransactionRequest.class).isEmpty());
  }

  private int localListVersion() {
    GetLocalListVersionConfirmation answer = centralSystem.call(new GetLocalListVersionRequest());
    return answer.getListVersion();
  }

  private UpdateStatus sendLocalList(int version, UpdateType type, AuthorizationData... entries) {
    SendLocalListRequest request = new SendLocalListRequest(version, type);
    request.setLocalAuthorizationList(entries);
    SendLocalListConfirmation answer = centralSystem.call(request);
    return answer.getStatus();
  }

  private static AuthorizationData entry(String idTag, AuthorizationStatus status) {
    AuthorizationData data = new AuthorizationData(idTag);
    data.setIdTagInfo(new IdTagInfo(status));
    return data;
  }
}
