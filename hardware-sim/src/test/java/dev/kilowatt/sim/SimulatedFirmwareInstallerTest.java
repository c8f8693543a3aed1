package dev.kilowatt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kilowatt.core.port.FirmwareInstaller;
import dev.kilowatt.core.port.HeldFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedFirmwareInstallerTest {

  @TempDir
  Path dir;

  /** Installs {@code image} and returns "installed" (with the reboot flag) or the reason it failed. */
  private static String install(SimulatedFirmwareInstaller installer, HeldFile image) throws Exception {
    CompletableFuture<String> outcome = new CompletableFuture<>();
    installer.install(image, new FirmwareInstaller.Listener() {
      @Override
      public void onInstalled(boolean rebootRequired) {
        outcome.complete("installed, reboot " + rebootRequired);
      }

      @Override
      public void onFailed(String reason) {
        outcome.complete(reason);
      }
    });
    return outcome.get(5, TimeUnit.SECONDS);
  }

  /** A downloaded image as the installer gets it; the installer only reads it. */
  private record Image(String fileName, byte[] content) implements HeldFile {
    @Override
    public String name() {
      return "memory:" + fileName;
    }

    @Override
    public boolean exists() {
      return true;
    }

    @Override
    public long size() {
      return content.length;
    }

    @Override
    public InputStream open() {
      return new ByteArrayInputStream(content);
    }

    @Override
    public void discard() {
      throw new AssertionError("the domain discards the image, not the installer");
    }
  }

  private static HeldFile file(String name, byte[] content) {
    return new Image(name, content);
  }

  @Test
  void aGoodImageIsInstalledAndItsVersionRunsAfterTheReboot() throws Exception {
    SimulatedFirmwareInstaller installer = new SimulatedFirmwareInstaller(dir.resolve("state"));
    assertEquals(Optional.empty(), installer.installedVersion());
    HeldFile image = file("good.bin", SimulatedFirmwareInstaller.image("2.1.0", "new code".getBytes(StandardCharsets.UTF_8)));

    assertEquals("installed, reboot true", install(installer, image));
    assertEquals(Optional.of("2.1.0"), installer.installedVersion());
    assertEquals(Optional.of("2.1.0"), new SimulatedFirmwareInstaller(dir.resolve("state")).installedVersion(), "kept across restarts");
  }

  @Test
  void damagedOrForeignImagesAreRefusedAndChangeNothing() throws Exception {
    SimulatedFirmwareInstaller installer = new SimulatedFirmwareInstaller(dir.resolve("state"), 1_000);
    byte[] good = SimulatedFirmwareInstaller.image("2.1.0", "new code".getBytes(StandardCharsets.UTF_8));
    byte[] altered = good.clone();
    altered[altered.length - 1] ^= 1;

    assertEquals("checksum mismatch", install(installer, file("altered.bin", altered)));
    assertEquals("checksum mismatch", install(installer, file("truncated.bin", Arrays.copyOf(good, good.length - 3))));
    assertEquals("no firmware header", install(installer, file("page.html", "<html>Not Found</html>\n".getBytes(StandardCharsets.UTF_8))));
    assertEquals("no firmware header", install(installer, file("empty.bin", new byte[0])));
    assertEquals("image larger than 1000 bytes", install(installer, file("big.bin", new byte[1_001])));
    assertEquals(Optional.empty(), installer.installedVersion());
  }

  @Test
  void aFailureCanBeOrderedForTheNextInstallationOnly() throws Exception {
    SimulatedFirmwareInstaller installer = new SimulatedFirmwareInstaller(dir.resolve("state"));
    HeldFile image = file("good.bin", SimulatedFirmwareInstaller.image("3.0", new byte[] {1, 2, 3}));
    installer.failNextInstallation("flash write error");
    assertEquals("flash write error", install(installer, image));
    assertEquals(Optional.empty(), installer.installedVersion());
    assertEquals("installed, reboot true", install(installer, image));
  }

  @Test
  void versionsMustBePlain() {
    assertThrows(IllegalArgumentException.class, () -> SimulatedFirmwareInstaller.image("2.0 beta", new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> SimulatedFirmwareInstaller.image("", new byte[0]));
  }
}
