package dev.kilowatt.sim;

import dev.kilowatt.core.port.Scheduler;
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
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a simulated meter's energy register in a file, so it survives the simulated charger being killed
 * the way a real meter's register survives a power cut. A restart reads it back with {@link #load()} and
 * passes it to {@link SimulatedConnector.Settings#withInitialRegisterWh}.
 */
public final class MeterRegisterFile {

  private static final Logger LOG = LoggerFactory.getLogger(MeterRegisterFile.class);

  private final Path file;
  private final Path temporary;

  /**
   * {@return the register file of connector {@code connectorId} in {@code dataDirectory}}
   *
   * @param dataDirectory the simulator's data directory
   * @param connectorId the connector, 1 and up
   */
  public static MeterRegisterFile forConnector(Path dataDirectory, int connectorId) {
    return new MeterRegisterFile(dataDirectory.resolve("meter-register-" + connectorId + ".txt"));
  }

  /**
   * A register kept in {@code file}.
   *
   * @param file where the register is saved; its directory is created on the first save
   */
  public MeterRegisterFile(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    this.temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
  }

  /** {@return the file the register is saved in, as an absolute path} */
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
   * @param energyWh the register, in Wh
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
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save meter register to " + file, e);
    }
  }

  /**
   * Saves {@code register} every {@code interval} on {@code scheduler} while it changes, until the returned
   * handle is closed (which saves a last time).
   *
   * @param scheduler the event loop that times the saves
   * @param interval how often to save
   * @param register the energy register to save, in Wh
   * @return the handle that stops the saving
   */
  public Autosave autosave(Scheduler scheduler, Duration interval, DoubleSupplier register) {
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(register, "register");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("autosave interval must be positive: " + interval);
    }
    return new Autosave(scheduler, interval, register);
  }

  /** Periodic saving of one register; see {@link #autosave}. */
  public final class Autosave implements AutoCloseable {

    private final Scheduler scheduler;
    private final Duration interval;
    private final DoubleSupplier register;
    private Scheduler.Timer next;
    private double saved = Double.NaN;
    private boolean closed;

    private Autosave(Scheduler scheduler, Duration interval, DoubleSupplier register) {
      this.scheduler = scheduler;
      this.interval = interval;
      this.register = register;
      this.next = scheduler.schedule(interval, this::tick);
    }

    /** Saves the register now if it changed since the last save; a failure is logged, not thrown. */
    public synchronized void saveNow() {
      double value = register.getAsDouble();
      if (value == saved) {
        return;
      }
      try {
        save(value);
        saved = value;
      } catch (UncheckedIOException | IllegalArgumentException e) {
        LOG.error("meter register not saved; will try again", e);
      }
    }

    /** Stops saving periodically, after a last save. */
    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        next.cancel();
        saveNow();
      }
    }

    private synchronized void tick() {
      if (!closed) {
        saveNow();
        next = scheduler.schedule(interval, this::tick);
      }
    }
  }
}
