package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/**
 * Location, schedule, signing certificate and signature of a signed firmware image (security extension).
 *
 * @param location the URL the firmware is downloaded from
 * @param retrieveDateTime the moment after which the download may start
 * @param installDateTime the moment after which the installation may start; absent for as soon as it is downloaded
 * @param signingCertificate the PEM certificate the firmware was signed with; it must chain to a manufacturer root
 * @param signature the firmware's signature, Base64 encoded
 */
public record Firmware(
    String location,
    Instant retrieveDateTime,
    Optional<Instant> installDateTime,
    Optional<String> signingCertificate,
    Optional<String> signature) {

  /** Rejects a null {@code location} or {@code retrieveDateTime}; a null optional component reads as absent. */
  public Firmware {
    Fields.required(location, "location");
    Fields.required(retrieveDateTime, "retrieveDateTime");
    installDateTime = Fields.opt(installDateTime);
    signingCertificate = Fields.opt(signingCertificate);
    signature = Fields.opt(signature);
  }
}
