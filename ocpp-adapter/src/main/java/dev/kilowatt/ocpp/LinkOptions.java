package dev.kilowatt.ocpp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How the link behaves, beyond what the charge point's OCPP configuration decides.
 *
 * @param backoff the waits between connection attempts
 * @param handshakeTimeout how long one attempt (TCP connect, TLS and the WebSocket upgrade) may take
 * @param tls the TLS set-up for {@code wss://} (trusted authorities, a client certificate), used as it is
 *     while the charge point's settings bring neither Central System root certificates nor, with security
 *     profile 3, a charge point certificate of their own; empty for the JVM's default
 * @param traffic sees every text frame sent and received
 */
public record LinkOptions(
    ReconnectBackoff backoff, Duration handshakeTimeout, Optional<SSLContext> tls, TrafficListener traffic) {

  /**
   * Checks that nothing is missing and the handshake timeout is positive.
   *
   * @throws IllegalArgumentException for a handshake timeout of zero or less
   */
  public LinkOptions {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(traffic, "traffic");
    if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
      throw new IllegalArgumentException("handshakeTimeout must be positive: " + handshakeTimeout);
    }
  }

  /**
   * Standard back-off, 30 s per attempt, the default TLS set-up, no traffic watcher.
   *
   * @return those options
   */
  public static LinkOptions defaults() {
    return new LinkOptions(ReconnectBackoff.standard(), Duration.ofSeconds(30), Optional.empty(), TrafficListener.NONE);
  }

  /**
   * These options with other waits between connection attempts.
   *
   * @param backoff the waits
   * @return the new options
   */
  public LinkOptions withBackoff(ReconnectBackoff backoff) {
    return new LinkOptions(backoff, handshakeTimeout, tls, traffic);
  }

  /**
   * These options with another limit on one connection attempt.
   *
   * @param handshakeTimeout how long an attempt may take; positive
   * @return the new options
   */
  public LinkOptions withHandshakeTimeout(Duration handshakeTimeout) {
    return new LinkOptions(backoff, handshakeTimeout, tls, traffic);
  }

  /**
   * These options with a TLS set-up of their own for {@code wss://}.
   *
   * @param tls trusted authorities and, for security profile 3, a client certificate
   * @return the new options
   */
  public LinkOptions withTls(SSLContext tls) {
    return new LinkOptions(backoff, handshakeTimeout, Optional.of(tls), traffic);
  }

  /**
   * These options with a watcher of every frame.
   *
   * @param traffic sees each text frame sent and received
   * @return the new options
   */
  public LinkOptions withTraffic(TrafficListener traffic) {
    return new LinkOptions(backoff, handshakeTimeout, tls, traffic);
  }
}
