package dev.kilowatt.ocpp201;

import dev.kilowatt.core.port.ConnectionSettings.ClientCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test certificates in src/test/resources/tls; its README says what each one is. */
final class Pki {

  private Pki() {
  }

  /** The file's place, for the test central system to read. */
  static String path(String name) {
    URL resource = Pki.class.getResource("/tls/" + name);
    if (resource == null) {
      throw new IllegalArgumentException("no test resource /tls/" + name);
    }
    try {
      return Path.of(resource.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String name) {
    try {
      return Files.readString(Path.of(path(name)), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The station certificate issued by the test root through its sub-CA, chain and key. */
  static ClientCertificate station() {
    return new ClientCertificate(pem("cp.pem") + pem("cp-ca.pem"), pem("cp.key"));
  }

  /** A station certificate no CSMS trusts. */
  static ClientCertificate stranger() {
    return new ClientCertificate(pem("stranger.pem"), pem("stranger.key"));
  }
}
