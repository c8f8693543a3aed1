package dev.kilowatt.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its chromedriver: the real browser the web console is tested in.
 * Missing, it fails the test with what to install; a browser test that skips would prove nothing.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final Path profile;
  private final ChromeDriver driver;

  private HeadlessChromium(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /** Opens a browser with a fresh profile and a window of {@code width} by {@code height} pixels. */
  static HeadlessChromium open(int width, int height) {
    for (Path needed : new Path[] {BROWSER, DRIVER}) {
      if (!Files.isExecutable(needed)) {
        throw new AssertionError(needed + " is missing: the web console is tested in Debian's Chromium;"
            + " install it with apt-get install -y chromium chromium-driver (.ci/run does)");
      }
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("kilowatt-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Without the background-networking flags Chromium reaches for its own services, which are refused here.
    ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toString()).addArguments("--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--hide-scrollbars", "--lang=en-GB");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new HeadlessChromium(profile, new ChromeDriver(service, options));
  }

  ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
    SimulatedCharger.deleteRecursively(profile);
  }
}
