package dev.kilowatt.examples;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options every charger's command line shares (a picocli mixin): which central system, who the charger
 * is, where its state lives, its factory configuration and its Basic-authentication password. Whether {@code --csms} and
 * {@code --data-dir} are required is up to each command.
 */
final class ConnectionOptions {

  @Option(names = "--csms", paramLabel = "URL", converter = CentralSystemUrl.class,
      description = "central system base URL (ws:// or wss://); the charger connects to URL/ID")
  private URI centralSystem;

  @Option(names = "--id", paramLabel = "ID", converter = ChargePointId.class, description = "charge point identity (the simulator's default: " + SimulatorOptions.DEFAULT_ID + ")")
  private String chargePointId;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "durable state; a restart with the same DIR resumes")
  private Path dataDirectory;

  @Option(names = "--password", paramLabel = "P", converter = Password.class,
      description = "HTTP Basic authentication password (security profile 1), 1 to 20 bytes")
  private String password;

  @Option(names = "--config", paramLabel = "FILE",
      description = "factory configuration: a properties file of OCPP keys and values (Key=value a line);"
          + " an unknown key or a bad value stops the start")
  private Path configurationFile;

  Optional<URI> centralSystem() {
    return Optional.ofNullable(centralSystem);
  }

  Optional<String> chargePointId() {
    return Optional.ofNullable(chargePointId);
  }

  Optional<Path> dataDirectory() {
    return Optional.ofNullable(dataDirectory);
  }

  Optional<String> password() {
    return Optional.ofNullable(password);
  }

  Optional<Path> configurationFile() {
    return Optional.ofNullable(configurationFile);
  }

  /** The AuthorizationKey for a Basic-auth password: its bytes in hexadecimal (security white paper A00.FR.205). */
  static String authorizationKey(String password) {
    return HexFormat.of().formatHex(password.getBytes(StandardCharsets.UTF_8));
  }

  static final class CentralSystemUrl implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      try {
        URI uri = new URI(value);
        if (!"ws".equalsIgnoreCase(uri.getScheme()) && !"wss".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
          throw new TypeConversionException("needs a ws:// or wss:// URL with a host, not '" + value + "'");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw new TypeConversionException("'" + value + "' is not a URL (" + e.getReason() + ")");
      }
    }
  }

  static final class ChargePointId implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isEmpty() || value.length() > 48 || !value.chars().allMatch(c -> c > ' ' && c < 127 && c != '/')) {
        throw new TypeConversionException("must be 1 to 48 printable ASCII characters without '/' or spaces, not '" + value + "'");
      }
      return value;
    }
  }

  static final class Password implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isEmpty() || value.getBytes(StandardCharsets.UTF_8).length > 20) {
        throw new TypeConversionException("must be 1 to 20 bytes (the AuthorizationKey holds at most 20)");
      }
      return value;
    }
  }
}
