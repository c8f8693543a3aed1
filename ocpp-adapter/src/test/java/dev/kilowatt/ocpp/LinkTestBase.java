package dev.kilowatt.ocpp;

import dev.kilowatt.test.RecordingLinkListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/** One link under test, on virtual time with exact back-off, and what it talks to; all cleaned up after each test. */
@Timeout(60)
abstract class LinkTestBase {

  static final Duration HANDSHAKE = Duration.ofSeconds(30);
  static final ReconnectBackoff EXACT = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4), 0);

  final RecordingScheduler scheduler = new RecordingScheduler();
  final RecordingLinkListener listener = new RecordingLinkListener(Duration.ofSeconds(TestCentralSystem.WAIT_SECONDS));
  final BlockingQueue<String> traffic = new LinkedBlockingQueue<>();
  final List<AutoCloseable> cleanup = new ArrayList<>();
  TestCentralSystem server;
  OcppJsonLink link;

  @AfterEach
  void tearDown() throws Exception {
    if (link != null) {
      link.disconnect();
    }
    if (server != null) {
      server.shutDown();
    }
    for (AutoCloseable closeable : cleanup) {
      closeable.close();
    }
  }

  TestCentralSystem start(TestCentralSystem centralSystem) throws InterruptedException {
    server = centralSystem.begin();
    return server;
  }

  OcppJsonLink link(String baseUrl, String id, LinkOptions options) {
    link = new OcppJsonLink(CentralSystemAddress.of(baseUrl, id), scheduler,
        options.withBackoff(EXACT).withHandshakeTimeout(HANDSHAKE)
            .withTraffic((direction, text) -> traffic.add(direction + " " + text)));
    return link;
  }
}
