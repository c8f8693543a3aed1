package dev.kilowatt.transfer;

import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.HeldFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * HTTP and HTTPS with the JDK's client: GET for downloads, PUT of the file under the location for uploads.
 * A user part in the URI becomes Basic authentication.
 */
final class HttpTransport {

  /** The slowest upload still allowed, so a big archive gets the time it needs and a stuck one does not hang. */
  static final long MIN_UPLOAD_BYTES_PER_SECOND = 8 * 1024;

  private final Supplier<SSLContext> ssl;
  private final Duration connectTimeout;
  private final Duration stallTimeout;
  /**
   * Made at the first transfer, not at start-up: the JDK's client brings a selector thread and, with the
   * default TLS context, a parsed trust store.
   */
  private HttpClient client;

  HttpTransport(Supplier<SSLContext> ssl, Duration connectTimeout, Duration stallTimeout) {
    this.ssl = ssl;
    this.connectTimeout = connectTimeout;
    this.stallTimeout = stallTimeout;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(connectTimeout)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .sslContext(ssl.get())
          .build();
    }
    return client;
  }

  Path download(URI source, Path directory, long maxBytes, FileTransfer.Listener listener)
      throws IOException, InterruptedException, TransferFailure {
    HttpRequest request = request(source).timeout(connectTimeout.plus(stallTimeout)).GET().build();
    HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (StallGuard guard = new StallGuard(stallTimeout); InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new TransferFailure("HTTP " + response.statusCode());
      }
      OptionalLong length = response.headers().firstValueAsLong("Content-Length");
      try (Download download = Download.start(directory, source, maxBytes, length, listener)) {
        download.receive(body, guard);
        return download.commit();
      }
    }
  }

  void upload(HeldFile file, URI location, FileTransfer.Listener listener) throws IOException, InterruptedException, TransferFailure {
    URI target = child(location, file.fileName());
    long size = file.size();
    long seconds = size / MIN_UPLOAD_BYTES_PER_SECOND;
    HttpRequest request = request(target)
        .timeout(connectTimeout.plus(stallTimeout).plusSeconds(seconds))
        .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> opened(file)), size))
        .build();
    HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new TransferFailure("HTTP " + response.statusCode());
    }
    listener.onCompleted(file);
  }

  /** The file's bytes for the body publisher, which takes no checked exception: the client reports it as an IOException. */
  private static InputStream opened(HeldFile file) {
    try {
      return file.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request to {@code uri} without its user part, which goes into an Authorization header instead. */
  private static HttpRequest.Builder request(URI uri) throws TransferFailure {
    URI bare;
    try {
      bare = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
    } catch (URISyntaxException e) {
      throw new TransferFailure("not a usable URI: " + e.getMessage());
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(bare);
    Transfers.Credentials.of(uri).ifPresent(c -> builder.header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((c.user() + ":" + c.password()).getBytes(StandardCharsets.UTF_8))));
    return builder;
  }

  /** {@code location/name}, whether or not the location ends with a slash. */
  static URI child(URI location, String name) {
    String base = location.toString();
    return URI.create(base.endsWith("/") ? base + name : base + "/" + name);
  }
}
