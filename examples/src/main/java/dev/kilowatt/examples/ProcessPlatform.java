package dev.kilowatt.examples;

import dev.kilowatt.core.port.Platform;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reboots a charger that runs as a service: a soft reset ends the process and lets the service manager
 * (systemd with {@code Restart=always}) start it again; a hard reset asks the operating system to reboot.
 */
final class ProcessPlatform implements Platform {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessPlatform.class);

  @Override
  public void reboot(RebootKind kind) {
    if (kind == RebootKind.HARD) {
      try {
        new ProcessBuilder("systemctl", "reboot").inheritIO().start();
      } catch (IOException e) {
        LOG.error("could not ask the operating system to reboot; restarting the charger only", e);
      }
    }
    System.exit(0);
  }
}
