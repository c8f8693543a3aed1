package dev.kilowatt.core.message;

import java.time.Instant;
import java.util.Optional;

/** Location, schedule, signing certificate and signature of a signed firmware image (security extension). */
public record Firmware(
    String location,
    Instant retrieveDateTime,
    Optional<Instant> installDateTime,
    Optional<String> signingCertificate,
    Optional<String> signature) {

  public Firmware {
    Fields.required(location, "location");
    Fields.required(retrieveDateTime, "retrieveDateTime");
    installDateTime = Fields.opt(installDateTime);
    signingCertificate = Fields.opt(signingCertificate);
    signature = Fields.opt(signature);
  }
}
