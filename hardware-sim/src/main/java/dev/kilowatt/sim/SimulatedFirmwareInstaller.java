package dev.kilowatt.sim;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import dev.kilowatt.core.port.FirmwareInstaller;
import dev.kilowatt.core.port.HeldFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated charger's firmware installer. It checks an image the way a board's bootloader would, and
 * "installs" a good one by recording its version in a state directory, so that the simulated charger boots
 * with that version in its BootNotification (see {@link #installedVersion()}).
 *
 * <p>An image is good when its first line is {@code KILOWATT-FIRMWARE <version> <checksum>}, where the
 * version is 1 to 50 of {@code [A-Za-z0-9._+-]} and the checksum is the lowercase hex SHA-256 of every byte
 * after that line's {@code \n}. {@link #image} builds one. Anything else (a truncated or altered payload, a
 * web page, an empty file) is refused with InstallationFailed and leaves the recorded version as it was. A
 * good installation always needs a reboot. {@link #failNextInstallation} makes the next one fail anyway,
 * as a flash write error would.
 */
public final class SimulatedFirmwareInstaller implements FirmwareInstaller {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedFirmwareInstaller.class);
  /** The first word of every image this installer accepts, before the version and the payload's SHA-256. */
  public static final String MAGIC = "KILOWATT-FIRMWARE";
  /** The default largest image, in bytes. */
  public static final long DEFAULT_MAX_IMAGE_BYTES = 16L << 20;
  static final String VERSION_FILE = "installed-firmware";
  private static final Pattern HEADER = Pattern.compile(MAGIC + " ([A-Za-z0-9._+-]{1,50}) ([0-9a-f]{64})");
  private static final int MAX_HEADER = 200;

  private final Path stateDirectory;
  private final long maxImageBytes;
  private Optional<String> failure = Optional.empty();

  /**
   * An installer that refuses images larger than {@code maxImageBytes}.
   *
   * @param stateDirectory where the installed version is kept across restarts (created if needed)
   * @param maxImageBytes the largest image, in bytes; positive
   */
  public SimulatedFirmwareInstaller(Path stateDirectory, long maxImageBytes) {
    this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
    if (maxImageBytes <= 0) {
      throw new IllegalArgumentException("maximum image size must be positive: " + maxImageBytes);
    }
    this.maxImageBytes = maxImageBytes;
  }

  /**
   * An installer with the {@linkplain #DEFAULT_MAX_IMAGE_BYTES default largest image}.
   *
   * @param stateDirectory where the installed version is kept across restarts (created if needed)
   */
  public SimulatedFirmwareInstaller(Path stateDirectory) {
    this(stateDirectory, DEFAULT_MAX_IMAGE_BYTES);
  }

  /**
   * A good image of {@code version} carrying {@code payload}.
   *
   * @param version the firmware version the image installs
   * @param payload the rest of the image
   * @return the image's bytes
   */
  public static byte[] image(String version, byte[] payload) {
    if (!HEADER.matcher(MAGIC + " " + version + " " + "0".repeat(64)).matches()) {
      throw new IllegalArgumentException("not a firmware version: " + version);
    }
    byte[] header = (MAGIC + " " + version + " " + sha256(payload) + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] image = Arrays.copyOf(header, header.length + payload.length);
    System.arraycopy(payload, 0, image, header.length, payload.length);
    return image;
  }

  /** {@return the version the last good installation recorded, if any: the firmware the simulated charger runs} */
  public synchronized Optional<String> installedVersion() {
    Path file = stateDirectory.resolve(VERSION_FILE);
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII).trim()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * The next installation fails with {@code reason}, whatever the image.
   *
   * @param reason why it fails, as the installer reports it
   */
  public synchronized void failNextInstallation(String reason) {
    failure = Optional.of(Objects.requireNonNull(reason, "reason"));
  }

  @Override
  public long maxImageBytes() {
    return maxImageBytes;
  }

  @Override
  public void install(HeldFile image, Listener listener) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(listener, "listener");
    Thread.ofVirtual().name("kilowatt-sim-installer").start(() -> {
      Optional<String> problem = installNow(image);
      problem.ifPresentOrElse(reason -> {
        LOG.warn("firmware image {} refused: {}", image.fileName(), reason);
        listener.onFailed(reason);
      }, () -> listener.onInstalled(true));
    });
  }

  /** Why the image cannot be installed, or nothing once it is. */
  private synchronized Optional<String> installNow(HeldFile image) {
    if (failure.isPresent()) {
      Optional<String> reason = failure;
      failure = Optional.empty();
      return reason;
    }
    try {
      if (image.size() > maxImageBytes) {
        return Optional.of("image larger than " + maxImageBytes + " bytes");
      }
      byte[] bytes;
      try (InputStream in = image.open()) {
        bytes = in.readAllBytes();
      }
      int newline = indexOfNewline(bytes);
      if (newline < 0) {
        return Optional.of("no firmware header");
      }
      Matcher header = HEADER.matcher(new String(bytes, 0, newline, StandardCharsets.US_ASCII));
      if (!header.matches()) {
        return Optional.of("no firmware header");
      }
      if (!header.group(2).equals(sha256(Arrays.copyOfRange(bytes, newline + 1, bytes.length)))) {
        return Optional.of("checksum mismatch");
      }
      record(header.group(1));
      LOG.info("firmware {} installed; it runs after the reboot", header.group(1));
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot read the image: " + e.getMessage());
    }
  }

  private void record(String version) throws IOException {
    Files.createDirectories(stateDirectory);
    Path temporary = stateDirectory.resolve(VERSION_FILE + ".tmp");
    Files.writeString(temporary, version, StandardCharsets.US_ASCII);
    Files.move(temporary, stateDirectory.resolve(VERSION_FILE), ATOMIC_MOVE, REPLACE_EXISTING);
  }

  private static int indexOfNewline(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, MAX_HEADER); i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
