package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Messages.Request;
import dev.kilowatt.ocpp201.Messages.Response;
import dev.kilowatt.ocpp201.Types.StatusInfo;
import java.util.List;
import java.util.Optional;

/**
 * The certificate messages: the station's own certificate (part 2 A02, A03: SignCertificate, CertificateSigned)
 * and the installed CA certificates (M03 GetInstalledCertificateIds, M04 DeleteCertificate, M05
 * InstallCertificate), with the data types and enumerations only they use, named as part 2 chapters 1 to 3 name
 * them. {@link Action} ties each message to its wire name and direction; {@link CertificateCalls} maps them onto the
 * core's security extension.
 */
public final class CertificateMessages {

  private CertificateMessages() {
  }

  /** What a CA certificate the CSMS installs is for. ({@code InstallCertificateUseEnumType}) */
  public enum InstallCertificateUse {
    /** The root of the ISO 15118 V2G PKI. */
    V2GRootCertificate,
    /** A mobility operator's root, for ISO 15118 contract certificates. */
    MORootCertificate,
    /** A root the CSMS's TLS server certificate chains to. */
    CSMSRootCertificate,
    /** A root the firmware signing certificates chain to. */
    ManufacturerRootCertificate
  }

  /** Whether a CA certificate was installed. ({@code InstallCertificateStatusEnumType}) */
  public enum InstallCertificateStatus {
    /** Installed. */
    Accepted,
    /** Not acceptable: not a valid CA certificate, or of a type the station does not keep. */
    Rejected,
    /** Acceptable, but it could not be stored. */
    Failed
  }

  /** Which installed certificates the CSMS asks for. ({@code GetCertificateIdUseEnumType}) */
  public enum GetCertificateIdUse {
    /** ISO 15118 V2G roots. */
    V2GRootCertificate,
    /** Mobility operator roots. */
    MORootCertificate,
    /** CSMS roots. */
    CSMSRootCertificate,
    /** The ISO 15118 V2G charging station certificate with its sub-CAs. */
    V2GCertificateChain,
    /** Manufacturer roots. */
    ManufacturerRootCertificate
  }

  /** Whether any certificate of the types asked for is installed. ({@code GetInstalledCertificateStatusEnumType}) */
  public enum GetInstalledCertificateStatus {
    /** The answer lists them. */
    Accepted,
    /** None is installed. */
    NotFound
  }

  /** How the hashes of a certificate's identity were computed. ({@code HashAlgorithmEnumType}) */
  public enum HashAlgorithm {
    /** SHA-256. */
    SHA256,
    /** SHA-384. */
    SHA384,
    /** SHA-512. */
    SHA512
  }

  /** Whether a certificate was deleted. ({@code DeleteCertificateStatusEnumType}) */
  public enum DeleteCertificateStatus {
    /** Deleted. */
    Accepted,
    /** Installed, but it could not or may not be deleted. */
    Failed,
    /** No installed certificate has that identity. */
    NotFound
  }

  /** Which of the station's own certificates a signing request or a signed chain is. ({@code CertificateSigningUseEnumType}) */
  public enum CertificateSigningUse {
    /** The client certificate of the station's connection to the CSMS. */
    ChargingStationCertificate,
    /** The ISO 15118 certificate of the station's connection to the EV. */
    V2GCertificate
  }

  /** Whether the CSMS takes a signing request. ({@code GenericStatusEnumType}) */
  public enum GenericStatus {
    /** It will have the request signed and send the chain with CertificateSigned. */
    Accepted,
    /** It will not. */
    Rejected
  }

  /** Whether the station took a signed chain. ({@code CertificateSignedStatusEnumType}) */
  public enum CertificateSignedStatus {
    /** Checked and kept. */
    Accepted,
    /** Not valid for the station's last request, or not kept. */
    Rejected
  }

  /**
   * The identity of a certificate: its issuer's name and key hashed, and its serial number.
   *
   * @param hashAlgorithm how the two hashes were computed
   * @param issuerNameHash the hash of the issuer's distinguished name, hexadecimal
   * @param issuerKeyHash the hash of the issuer's public key, hexadecimal
   * @param serialNumber the certificate's serial number, hexadecimal
   */
  public record CertificateHashData(HashAlgorithm hashAlgorithm, String issuerNameHash, String issuerKeyHash,
      String serialNumber) {
  }

  /**
   * One installed certificate in a GetInstalledCertificateIds answer.
   *
   * @param certificateType what it is for
   * @param certificateHashData its identity
   * @param childCertificateHashData the identities of its sub-CAs, for a V2GCertificateChain only; empty otherwise
   */
  public record CertificateHashDataChain(GetCertificateIdUse certificateType, CertificateHashData certificateHashData,
      List<CertificateHashData> childCertificateHashData) {
    /** An absent list of sub-CAs reads as empty; the list is copied, so the entry stays as built. */
    public CertificateHashDataChain {
      childCertificateHashData = List.copyOf(childCertificateHashData == null ? List.of() : childCertificateHashData);
    }
  }

  /**
   * M05: the CSMS installs a CA certificate.
   *
   * @param certificateType what the certificate is for
   * @param certificate the X.509 certificate, PEM
   */
  public record InstallCertificateRequest(InstallCertificateUse certificateType, String certificate)
      implements Request<InstallCertificateResponse> {
  }

  /**
   * M05: whether the certificate was installed.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record InstallCertificateResponse(InstallCertificateStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }

  /**
   * M03: the CSMS asks which certificates are installed.
   *
   * @param certificateType the types asked for; empty (absent on the wire) asks for every type
   */
  public record GetInstalledCertificateIdsRequest(List<GetCertificateIdUse> certificateType)
      implements Request<GetInstalledCertificateIdsResponse> {
    /** An absent list reads as empty; the list is copied, so the request stays as built. */
    public GetInstalledCertificateIdsRequest {
      certificateType = List.copyOf(certificateType == null ? List.of() : certificateType);
    }
  }

  /**
   * M03: the installed certificates of the types asked for.
   *
   * @param status Accepted when there is one at least, else NotFound
   * @param statusInfo more about it, for people
   * @param certificateHashDataChain the certificates found; empty (absent on the wire) with NotFound
   */
  public record GetInstalledCertificateIdsResponse(GetInstalledCertificateStatus status, Optional<StatusInfo> statusInfo,
      List<CertificateHashDataChain> certificateHashDataChain) implements Response {
    /** An absent list reads as empty; the list is copied, so the answer stays as built. */
    public GetInstalledCertificateIdsResponse {
      certificateHashDataChain = List.copyOf(certificateHashDataChain == null ? List.of() : certificateHashDataChain);
    }
  }

  /**
   * M04: the CSMS deletes an installed certificate.
   *
   * @param certificateHashData the identity of the certificate to delete
   */
  public record DeleteCertificateRequest(CertificateHashData certificateHashData)
      implements Request<DeleteCertificateResponse> {
  }

  /**
   * M04: whether the certificate was deleted.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record DeleteCertificateResponse(DeleteCertificateStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }

  /**
   * A02, A03: the station asks for a certificate for its new key.
   *
   * @param csr the PKCS#10 certificate signing request, PEM
   * @param certificateType which of its certificates it is for; absent means both
   */
  public record SignCertificateRequest(String csr, Optional<CertificateSigningUse> certificateType)
      implements Request<SignCertificateResponse> {
  }

  /**
   * A02, A03: whether the CSMS will have the request signed.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record SignCertificateResponse(GenericStatus status, Optional<StatusInfo> statusInfo) implements Response {
  }

  /**
   * A02, A03: the CSMS sends the signed certificate for the station's last request.
   *
   * @param certificateChain the certificate, then any sub-CA certificates, PEM
   * @param certificateType which of the station's certificates it is
   */
  public record CertificateSignedRequest(String certificateChain, Optional<CertificateSigningUse> certificateType)
      implements Request<CertificateSignedResponse> {
  }

  /**
   * A02, A03: whether the station took the certificate.
   *
   * @param status the answer
   * @param statusInfo more about it, for people
   */
  public record CertificateSignedResponse(CertificateSignedStatus status, Optional<StatusInfo> statusInfo)
      implements Response {
  }
}
