package dev.kilowatt.ocpp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where the central system listens and who the charge point is to it. The link connects to the base URL
 * with the charge point id appended as one more path segment, as OCPP-J 1.6 section 3.1.1 prescribes.
 *
 * @param baseUrl the central system's OCPP-J endpoint: {@code ws://} or {@code wss://}, without query or
 *     fragment; a trailing "/" makes no difference
 * @param chargePointId the charge point's identity; any characters, percent-encoded in the URL
 */
public record CentralSystemAddress(URI baseUrl, String chargePointId) {

  /**
   * Checks the address against the rules above.
   *
   * @throws IllegalArgumentException naming the rule the URL or the id breaks
   */
  public CentralSystemAddress {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(chargePointId, "chargePointId");
    if (!"ws".equals(baseUrl.getScheme()) && !"wss".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("the central system URL must be ws:// or wss://: " + baseUrl);
    }
    if (baseUrl.getHost() == null) {
      throw new IllegalArgumentException("the central system URL has no host: " + baseUrl);
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("the central system URL may not have a query or fragment: " + baseUrl);
    }
    if (chargePointId.isBlank()) {
      throw new IllegalArgumentException("the charge point id is blank");
    }
  }

  /**
   * Parses {@code baseUrl}; see the record for the rules.
   *
   * @param baseUrl the URL as text
   * @param chargePointId the charge point's identity
   * @return the address
   * @throws IllegalArgumentException if {@code baseUrl} is no URI or breaks a rule
   */
  public static CentralSystemAddress of(String baseUrl, String chargePointId) {
    return new CentralSystemAddress(URI.create(baseUrl), chargePointId);
  }

  /** {@return the URL the link connects to: the base URL, "/", the percent-encoded charge point id} */
  public URI endpoint() {
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + path + "/" + encode(chargePointId));
  }

  /** {@return whether the link runs over TLS} */
  public boolean secure() {
    return "wss".equals(baseUrl.getScheme());
  }

  /** Percent-encodes all but the unreserved characters of RFC 3986, so the id stays one path segment. */
  private static String encode(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
