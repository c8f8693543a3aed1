package dev.kilowatt.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.pi4j.BoardDescription.S0Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An energy meter's S0 pulse output on a GPIO input, for boards without a bus meter.
 *
 * <p>Energy is the pulse count over the pulses per kWh. Power comes from the time between the last two
 * pulses; while no pulse comes it can be no more than one pulse's energy over the time since the last one,
 * so the estimate falls off as the gap grows, and reads zero after the idle time-out. The current is the
 * power over the nominal voltage, since S0 knows neither. A reading is pushed on each pulse and every
 * report interval, and once at start, so that the domain knows the register before the first of them.
 *
 * <p>S0 has no register of its own and cannot tell import from export. This adapter keeps the register: the
 * pulse count is saved in {@link Storage} under {@value #STORAGE_KEY}, and after a restart the count goes
 * on from the saved one. It is saved at a report interval's tick when it changed since the last save, so
 * at most once per report interval and not at all while no energy flows. The adapter has no orderly stop
 * (the port has none, and a reset exits the process from the event loop, where no last save could run),
 * so every restart counts as a power cut: <b>a restart or a power cut loses at most the pulses counted
 * since the last save</b>, which are the pulses of at most one report interval (at 1000 pulses per kWh
 * and 3.7 kW, about 10 Wh for the default 10 s). Across such a loss the register can read lower after
 * the restart than it last did before it, by no more than that.
 *
 * <p>A missing count starts at zero. A saved count that cannot be used (negative, with no pulses per kWh,
 * more energy than an OCPP register holds) or a storage that fails is logged, and counting starts at
 * zero; a failed save is logged and tried again at the next tick. A count saved under another
 * pulses-per-kWh setting (the meter was replaced or the board file corrected) goes on as the same energy
 * in the new pulses, rounded up so that the register does not read lower.
 *
 * <p>The time of a pulse is taken on Pi4J's thread; counting, loading and saving happen on the scheduler's
 * thread, and {@link #start} is called there.
 */
final class S0PulseMeter implements EnergyMeter {

  static final String STORAGE_KEY = "meter/s0-pulses";

  private static final Logger LOG = LoggerFactory.getLogger(S0PulseMeter.class);
  private static final double WATT_HOURS_PER_KWH = 1000.0;
  private static final double JOULES_PER_KWH = 3_600_000.0;

  private final DigitalInput input;
  private final S0Settings settings;
  private final Scheduler scheduler;
  private final Storage storage;
  private EnergyMeter.Listener listener = reading -> {};
  private long pulses;
  private long savedPulses;
  private Optional<Instant> lastPulse = Optional.empty();
  private double intervalPowerW;

  S0PulseMeter(DigitalInput input, S0Settings settings, Scheduler scheduler, Storage storage) {
    this.input = input;
    this.settings = settings;
    this.scheduler = scheduler;
    this.storage = storage;
  }

  /** The count as saved, with the pulses per kWh it was counted in. */
  record SavedCount(long pulses, int pulsesPerKwh) {}

  @Override
  public void start(EnergyMeter.Listener listener) {
    this.listener = listener;
    pulses = restoredPulses();
    savedPulses = pulses;
    input.addListener(event -> {
      if (event.state() == settings.countLevel()) {
        Instant at = scheduler.now();
        scheduler.execute(() -> pulse(at));
      }
    });
    scheduler.schedule(settings.reportInterval(), this::reportPeriodically);
    report(scheduler.now());
  }

  private long restoredPulses() {
    try {
      return storage.load(STORAGE_KEY, SavedCount.class).map(this::inTheseUnits).orElse(0L);
    } catch (RuntimeException e) {
      LOG.error("Cannot continue the saved S0 pulse count; counting from zero", e);
      return 0;
    }
  }

  private long inTheseUnits(SavedCount saved) {
    if (saved.pulses() < 0 || saved.pulsesPerKwh() <= 0
        || saved.pulses() * WATT_HOURS_PER_KWH / saved.pulsesPerKwh() > Integer.MAX_VALUE) {
      throw new IllegalStateException("not a usable count: " + saved);
    }
    if (saved.pulsesPerKwh() == settings.pulsesPerKwh()) {
      return saved.pulses();
    }
    long converted = Math.ceilDiv(Math.multiplyExact(saved.pulses(), settings.pulsesPerKwh()), saved.pulsesPerKwh());
    LOG.warn("The S0 count was saved at {} pulses per kWh, the board now has {}: going on from {} pulses",
        saved.pulsesPerKwh(), settings.pulsesPerKwh(), converted);
    return converted;
  }

  private void pulse(Instant at) {
    pulses++;
    lastPulse.ifPresent(previous -> {
      double seconds = Duration.between(previous, at).toNanos() / 1e9;
      if (seconds > 0) {
        intervalPowerW = JOULES_PER_KWH / (settings.pulsesPerKwh() * seconds);
      }
    });
    lastPulse = Optional.of(at);
    report(at);
  }

  private void reportPeriodically() {
    scheduler.schedule(settings.reportInterval(), this::reportPeriodically);
    saveIfCounted();
    report(scheduler.now());
  }

  /**
   * Saving on the tick rather than on each pulse: a save flushes to the SD card, and a pulse can come every
   * second while charging. The tick bounds what a power cut loses to one report interval's pulses.
   */
  private void saveIfCounted() {
    if (pulses == savedPulses) {
      return;
    }
    try {
      storage.save(STORAGE_KEY, new SavedCount(pulses, settings.pulsesPerKwh()));
      savedPulses = pulses;
    } catch (RuntimeException e) {
      LOG.error("Cannot save the S0 pulse count; trying again at the next report", e);
    }
  }

  private void report(Instant now) {
    double energyWh = pulses * WATT_HOURS_PER_KWH / settings.pulsesPerKwh();
    double powerW = powerAt(now);
    double voltage = settings.nominalVoltage();
    listener.onReading(MeterReading.singlePhase(energyWh, powerW, voltage, powerW / voltage));
  }

  private double powerAt(Instant now) {
    if (lastPulse.isEmpty()) {
      return 0;
    }
    Duration gap = Duration.between(lastPulse.get(), now);
    if (gap.compareTo(settings.idleTimeout()) > 0) {
      return 0;
    }
    double seconds = gap.toNanos() / 1e9;
    double ceiling = seconds > 0 ? JOULES_PER_KWH / (settings.pulsesPerKwh() * seconds) : Double.MAX_VALUE;
    return Math.min(intervalPowerW, ceiling);
  }
}
