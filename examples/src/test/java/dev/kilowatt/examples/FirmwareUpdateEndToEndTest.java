package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.kilowatt.ocpp.TrafficListener;
import dev.kilowatt.sim.SimulatedFirmwareInstaller;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.firmware.FirmwareStatus;
import eu.chargetime.ocpp.model.firmware.FirmwareStatusNotificationRequest;
import eu.chargetime.ocpp.model.firmware.UpdateFirmwareRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A firmware update reboots the simulated charger in-process, which then boots on the new version. */
class FirmwareUpdateEndToEndTest extends EndToEndFixture {

  private static final byte[] IMAGE = SimulatedFirmwareInstaller.image("2.0.0", "the new firmware".getBytes(StandardCharsets.UTF_8));

  private HttpServer web;

  @AfterEach
  void stopWebServer() {
    if (web != null) {
      web.stop(0);
    }
  }

  @Test
  @DisplayName("TC_044_1_CS Firmware update - download and install: reboot, boot on the new version, Installed")
  void tc044FirmwareUpdate() {
    boot();
    updateToVersion2();
    assertEquals(2, charger.boots());
  }

  @Test
  @DisplayName("The installed firmware survives a restart of the simulator on the same data directory")
  void installedFirmwareSurvivesARestart() {
    boot();
    updateToVersion2();
    charger.close();
    charger = Simulator.start(settings(), TrafficListener.NONE, line -> { });
    assertEquals("2.0.0", centralSystem.next(BootNotificationRequest.class).getFirmwareVersion());
  }

  private void updateToVersion2() {
    String location = serveImage();

    UpdateFirmwareRequest update = new UpdateFirmwareRequest(location, ZonedDateTime.now(ZoneOffset.UTC));
    centralSystem.call(update);
    centralSystem.next(FirmwareStatusNotificationRequest.class, f -> f.getStatus() == FirmwareStatus.Downloading);
    centralSystem.next(FirmwareStatusNotificationRequest.class, f -> f.getStatus() == FirmwareStatus.Downloaded);
    centralSystem.next(FirmwareStatusNotificationRequest.class, f -> f.getStatus() == FirmwareStatus.Installing);
    BootNotificationRequest boot = centralSystem.next(BootNotificationRequest.class);
    assertEquals("2.0.0", boot.getFirmwareVersion());
    centralSystem.next(FirmwareStatusNotificationRequest.class, f -> f.getStatus() == FirmwareStatus.Installed);
  }

  /** Serves the image over HTTP on loopback; returns its URL. */
  private String serveImage() {
    try {
      web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    web.createContext("/kilowatt-2.0.0.bin", exchange -> {
      exchange.sendResponseHeaders(200, IMAGE.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(IMAGE);
      }
    });
    web.start();
    return "http://127.0.0.1:" + web.getAddress().getPort() + "/kilowatt-2.0.0.bin";
  }
}
