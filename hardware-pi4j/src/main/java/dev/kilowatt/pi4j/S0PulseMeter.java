package dev.kilowatt.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.pi4j.BoardDescription.S0Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An energy meter's S0 pulse output on a GPIO input, for boards without a bus meter.
 *
 * <p>Energy is the pulse count over the pulses per kWh. Power comes from the time between the last two
 * pulses; while no pulse comes it can be no more than one pulse's energy over the time since the last one,
 * so the estimate falls off as the gap grows, and reads zero after the idle time-out. The current is the
 * power over the nominal voltage, since S0 knows neither. A reading is pushed on each pulse and every
 * report interval.
 *
 * <p>S0 has no register of its own: the count starts at zero each time the adapter starts, and it cannot
 * tell import from export.
 *
 * <p>The time of a pulse is taken on Pi4J's thread; counting happens on the scheduler's thread.
 */
final class S0PulseMeter implements EnergyMeter {

  private static final double WATT_HOURS_PER_KWH = 1000.0;
  private static final double JOULES_PER_KWH = 3_600_000.0;

  private final DigitalInput input;
  private final S0Settings settings;
  private final Scheduler scheduler;
  private EnergyMeter.Listener listener = reading -> {};
  private long pulses;
  private Optional<Instant> lastPulse = Optional.empty();
  private double intervalPowerW;

  S0PulseMeter(DigitalInput input, S0Settings settings, Scheduler scheduler) {
    this.input = input;
    this.settings = settings;
    this.scheduler = scheduler;
  }

  @Override
  public void start(EnergyMeter.Listener listener) {
    this.listener = listener;
    input.addListener(event -> {
      if (event.state() == settings.countLevel()) {
        Instant at = scheduler.now();
        scheduler.execute(() -> pulse(at));
      }
    });
    scheduler.schedule(settings.reportInterval(), this::reportPeriodically);
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
    report(scheduler.now());
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
