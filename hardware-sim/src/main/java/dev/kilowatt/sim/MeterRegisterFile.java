package dev.kilowatt.sim;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a simulated meter's energy register in a file, so it survives the simulated charger being killed
 * the way a real meter's register survives a power cut. {@link SimulatedConnector#keepingRegisterIn} reads it
 * back at start and saves it before each reading.
 */
public final class MeterRegisterFile {

  private static final Logger LOG = LoggerFactory.getLogger(MeterRegisterFile.class);

  private final Path file;
  private final Path temporary;

  /**
   * The register file of connector {@code connectorId} in {@code dataDirectory}.
   *
   * @param dataDirectory the simulated charger's data directory
   * @param connectorId the connector whose meter this is, from 1
   * @return the register file, not yet read
   */
  public static MeterRegisterFile forConnector(Path dataDirectory, int connectorId) {
    return new MeterRegisterFile(dataDirectory.resolve("meter-register-" + connectorId + ".txt"));
  }

  /**
   * A register kept in {@code file}; nothing is read or written until {@link #load()} or {@link #save(double)}.
   *
   * @param file where the register is kept; a temporary file beside it takes each new value first
   */
  public MeterRegisterFile(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    this.temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
  }

  /** {@return the file the register is kept in, as an absolute path} */
  public Path file() {
    return file;
  }

  /** {@return the saved register in Wh; empty if nothing was saved yet or the file cannot be read (logged)} */
  public OptionalDouble load() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      return OptionalDouble.empty();
    } catch (IOException e) {
      LOG.warn("cannot read meter register file " + file + "; the register starts over", e);
      return OptionalDouble.empty();
    }
    try {
      double wattHours = Double.parseDouble(text);
      if (wattHours >= 0 && !Double.isInfinite(wattHours)) {
        return OptionalDouble.of(wattHours);
      }
    } catch (NumberFormatException e) {
      // reported below, like an out-of-range value
    }
    LOG.warn("meter register file {} holds no register ('{}'); the register starts over", file,
        text);
    return OptionalDouble.empty();
  }

  /**
   * Saves {@code energyWh} atomically: a crash leaves the old value or the new one, never a mix.
   *
   * @param energyWh the register's reading in Wh
   * @throws IllegalArgumentException if {@code energyWh} is negative or not finite
   * @throws UncheckedIOException if the file cannot be written
   */
  public synchronized void save(double energyWh) {
    if (!(energyWh >= 0) || Double.isInfinite(energyWh)) {
      throw new IllegalArgumentException("an energy register is 0 Wh or more: " + energyWh);
    }
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(ByteBuffer.wrap((energyWh + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save meter register to " + file, e);
    }
  }

  /** Makes the rename durable too: an old register file reappearing after a cut would run energy backwards. */
  private void syncDirectory() {
    try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      // Platforms that cannot open a directory (Windows) make the rename as durable as it gets.
      LOG.trace("cannot flush the directory of " + file, e);
    }
  }
}
