package dev.kilowatt.examples;

import dev.kilowatt.core.port.Platform;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Reboots a charger that runs as a service: a soft reset ends the process and lets the service manager
 * (systemd with {@code Restart=always}) start it again; a hard reset asks the operating system to reboot.
 */
final class ProcessPlatform implements Platform {

  private static final System.Logger LOG = System.getLogger(ProcessPlatform.class.getName());

  @Override
  public void reboot(RebootKind kind) {
    if (kind == RebootKind.HARD) {
      try {
        new ProcessBuilder("systemctl", "reboot").inheritIO().start();
      } catch (IOException e) {
        LOG.log(Level.ERROR, "could not ask the operating system to reboot; restarting the charger only", e);
      }
    }
    System.exit(0);
  }
}
