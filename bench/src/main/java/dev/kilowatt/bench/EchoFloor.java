package dev.kilowatt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Node side of the floor: installs {@code ws} from the committed lock file when it is missing. */
final class EchoFloor {

  private EchoFloor() {
  }

  static void install(Path echoDir) throws IOException, InterruptedException {
    if (Files.isDirectory(echoDir.resolve("node_modules/ws"))) {
      return;
    }
    System.out.println("installing the echo floor's ws package: npm ci in " + echoDir);
    Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(echoDir.toFile()).inheritIO().start();
    if (npm.waitFor() != 0) {
      throw new IllegalStateException("npm ci failed in " + echoDir + " (exit " + npm.exitValue() + ")");
    }
  }

  static String nodeVersion() throws IOException, InterruptedException {
    Process node = new ProcessBuilder(List.of("node", "--version")).redirectErrorStream(true).start();
    String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    node.waitFor();
    return version;
  }
}
