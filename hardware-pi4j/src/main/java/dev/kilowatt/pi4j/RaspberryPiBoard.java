package dev.kilowatt.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfigBuilder;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputConfigBuilder;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmConfigBuilder;
import com.pi4j.io.pwm.PwmType;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiConfigBuilder;
import com.pi4j.io.spi.SpiMode;
import dev.kilowatt.core.port.ConnectorLock;
import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.Indicator;
import dev.kilowatt.core.port.Relay;
import dev.kilowatt.core.port.RfidReader;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.core.port.Storage;
import dev.kilowatt.pi4j.BoardDescription.PilotSettings;
import dev.kilowatt.pi4j.BoardDescription.Providers;
import dev.kilowatt.pi4j.BoardDescription.RelaySettings;
import dev.kilowatt.pi4j.BoardDescription.SpiSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The adapters of one Raspberry Pi charger board, built from a Pi4J context and a
 * {@link BoardDescription}: the contactor ({@link Relay}), the control pilot ({@link ControlPilot}), and
 * where the board has them, the card reader ({@link RfidReader}), the S0 meter ({@link EnergyMeter}), a socket's
 * lock ({@link ConnectorLock}) and the light ({@link Indicator}).
 *
 * <p>The contactor and the pilot share an interlock: the contactor closes only while the pilot reads C or
 * D and offers current, and opens by itself when that ends or the residual-current monitor trips. The
 * monitor's {@code GroundFailure} is reported through the relay's listener.
 *
 * <p>Every adapter runs its timers and handles Pi4J's input events on {@code scheduler}, and expects its
 * commands there too: on a charger that is the domain's event loop. Shutting down the Pi4J context leaves
 * the contactor coil inactive and the pilot at -12 V.
 */
public final class RaspberryPiBoard {

  private static final int PILOT_FREQUENCY_HZ = 1000;

  private final Relay relay;
  private final ControlPilot pilot;
  private final Optional<RfidReader> rfidReader;
  private final Optional<EnergyMeter> energyMeter;
  private final Optional<ConnectorLock> connectorLock;
  private final Optional<Indicator> indicator;

  private RaspberryPiBoard(Context pi4j, BoardDescription board, Scheduler scheduler, Storage storage) {
    IoFactory io = new IoFactory(pi4j, board.providers());
    Interlock interlock = new Interlock();
    this.pilot = createPilot(io, board.pilot(), interlock, scheduler);
    Optional<RcmInput> rcm = board.rcm().map(settings -> new RcmInput(
        io.input("kilowatt-rcm", "rcm.pin", settings.pin(), settings.pull(), Optional.empty()),
        settings.trippedLevel(), interlock, scheduler));
    this.relay = createRelay(io, board.relay(), interlock, rcm, scheduler);
    this.rfidReader = board.rfid().map(settings -> new Mfrc522Reader(
        new Mfrc522Chip(io.spi("kilowatt-rfid", "rfid.spi", settings.spi())),
        settings.pollInterval(), settings.removalPolls(), scheduler));
    this.energyMeter = board.s0Meter().map(settings -> new S0PulseMeter(
        io.input("kilowatt-s0", "meter.s0.pin", settings.pin(), settings.pull(), Optional.of(settings.debounce())),
        settings, scheduler, storage));
    this.connectorLock = board.lock().map(settings -> createLock(io, settings, scheduler));
    this.indicator = board.indicator().map(settings -> createIndicator(io, settings, scheduler));
  }

  /**
   * Creates the Pi4J IOs the board describes and the adapters on them. On a Pi the context needs the
   * raspberrypi platform with GPIO (gpiod), PWM and SPI (linuxfs) providers.
   *
   * @param storage where the S0 meter keeps its count across restarts (key {@code meter/s0-pulses}); the
   *     charge point's own storage will do
   * @param pi4j the Pi4J context the IOs are created in
   * @param board what is wired to which pin
   * @param scheduler the charge point's event loop, which times polling and debouncing
   * @return the board's adapters
   * @throws IllegalStateException if Pi4J cannot create one of the IOs; the message names the board key
   */
  public static RaspberryPiBoard create(Context pi4j, BoardDescription board, Scheduler scheduler,
      Storage storage) {
    return new RaspberryPiBoard(
        Objects.requireNonNull(pi4j, "pi4j"), Objects.requireNonNull(board, "board"),
        Objects.requireNonNull(scheduler, "scheduler"), Objects.requireNonNull(storage, "storage"));
  }

  /** {@return the contactor, guarded by the pilot and the residual-current monitor} */
  public Relay relay() {
    return relay;
  }

  /** {@return the control pilot: PWM out, the MCP3008 reading the line back} */
  public ControlPilot pilot() {
    return pilot;
  }

  /** {@return the MFRC522 card reader, if the board has an {@code rfid} section} */
  public Optional<RfidReader> rfidReader() {
    return rfidReader;
  }

  /**
   * The S0 pulse meter, if the board has a {@code meter.s0} section. Its register goes on across restarts;
   * a power cut loses at most the pulses of the last report interval.
   *
   * @return that meter, or empty when the board has none
   */
  public Optional<EnergyMeter> energyMeter() {
    return energyMeter;
  }

  /**
   * The socket's locking actuator, if the board has a {@code lock} section; a fixed cable has none.
   *
   * @return the lock wired to the board, or empty
   */
  public Optional<ConnectorLock> connectorLock() {
    return connectorLock;
  }

  /**
   * The light for BlinkRepeat and LightIntensity, if the board has an {@code indicator} section.
   *
   * @return the indicator wired to the board, or empty
   */
  public Optional<Indicator> indicator() {
    return indicator;
  }

  private static ConnectorLock createLock(IoFactory io, Accessories.LockSettings settings, Scheduler scheduler) {
    DigitalOutput lockOutput = io.output("kilowatt-lock", "lock.pin", settings.lockPin(), settings.activeLevel());
    GpioConnectorLock.Actuator actuator = settings.unlockPin()
        .<GpioConnectorLock.Actuator>map(pin -> new GpioConnectorLock.MotorActuator(lockOutput,
            io.output("kilowatt-unlock", "lock.unlock-pin", pin, settings.activeLevel()), settings.activeLevel(),
            settings.pulse()))
        .orElseGet(() -> new GpioConnectorLock.SolenoidActuator(lockOutput, settings.activeLevel()));
    DigitalInput feedback = io.input("kilowatt-lock-feedback", "lock.feedback.pin", settings.feedbackPin(),
        settings.feedbackPull(), Optional.empty());
    return new GpioConnectorLock(actuator, feedback, settings.lockedLevel(), settings.timeout(), scheduler);
  }

  private static Indicator createIndicator(IoFactory io, Accessories.IndicatorSettings settings, Scheduler scheduler) {
    GpioIndicator.Light light = switch (settings.output()) {
      case Accessories.IndicatorOutput.Dimmed dimmed -> new GpioIndicator.PwmLight(
          io.pwm("kilowatt-light", "indicator.pwm.channel", dimmed.pwmChannel(), settings.pwmFrequencyHz(), 0),
          settings.pwmFrequencyHz());
      case Accessories.IndicatorOutput.Switched switched -> new GpioIndicator.SwitchedLight(
          io.output("kilowatt-light", "indicator.pin", switched.pin(), settings.onLevel()), settings.onLevel());
    };
    return new GpioIndicator(light, settings.intensityPercent(), settings.blinkTime(), scheduler);
  }

  private static ControlPilot createPilot(IoFactory io, PilotSettings settings, Interlock interlock,
      Scheduler scheduler) {
    // created at steady -12 V, and left there when Pi4J shuts down: "not available"
    int disabledPin = settings.inverted() ? 100 : 0;
    Pwm pwm = io.pwm("kilowatt-pilot-pwm", "pilot.pwm.channel", settings.pwmChannel(), PILOT_FREQUENCY_HZ, disabledPin);
    Spi adc = io.spi("kilowatt-pilot-adc", "pilot.adc.spi", settings.adc());
    Mcp3008PilotSensor sensor = new Mcp3008PilotSensor(adc, settings.adcChannel(), settings.calibration(),
        settings.burstSamples());
    return new PwmPilot(pwm, sensor, settings, interlock, scheduler);
  }

  private static Relay createRelay(IoFactory io, RelaySettings settings, Interlock interlock,
      Optional<RcmInput> rcm, Scheduler scheduler) {
    DigitalOutput coil = io.output("kilowatt-relay", "relay.pin", settings.coilPin(), settings.coilActiveLevel());
    Optional<GpioRelay.AuxiliaryContact> feedback = settings.feedback().map(f -> new GpioRelay.AuxiliaryContact(
        io.input("kilowatt-relay-feedback", "relay.feedback.pin", f.pin(), f.pull(), Optional.empty()),
        f.closedLevel()));
    return new GpioRelay(coil, settings.coilActiveLevel(), feedback, settings.settleTime(), interlock, rcm,
        scheduler);
  }

  /** Creates Pi4J IOs with the board's providers, naming the board key in any failure. */
  private record IoFactory(Context pi4j, Providers providers) {

    /** An input; without a debounce of its own it gets the provider's (10 ms for gpiod). */
    DigitalInput input(String id, String key, int pin, PullResistance pull, Optional<Duration> debounce) {
      DigitalInputConfigBuilder config = DigitalInput.newConfigBuilder(pi4j)
          .id(id)
          .address(pin)
          .pull(pull);
      // without a provider of the board's own, Pi4J takes the platform's default for the IO type
      providers.digitalInput().ifPresent(config::provider);
      debounce.ifPresent(time -> config.debounce(time.toNanos() / 1000));
      return create(key, () -> pi4j.create(config));
    }

    /** An output that starts inactive and is left inactive when Pi4J shuts down. */
    DigitalOutput output(String id, String key, int pin, DigitalState activeLevel) {
      DigitalState inactive = DigitalState.getInverseState(activeLevel);
      DigitalOutputConfigBuilder config = DigitalOutput.newConfigBuilder(pi4j)
          .id(id)
          .address(pin)
          .initial(inactive)
          .shutdown(inactive);
      providers.digitalOutput().ifPresent(config::provider);
      return create(key, () -> pi4j.create(config));
    }

    /** A hardware PWM that starts, and is left at shutdown, at {@code idlePercent}. */
    Pwm pwm(String id, String key, int channel, int frequencyHz, int idlePercent) {
      PwmConfigBuilder config = Pwm.newConfigBuilder(pi4j)
          .id(id)
          .address(channel)
          .pwmType(PwmType.HARDWARE)
          .frequency(frequencyHz)
          .initial(idlePercent)
          .shutdown(idlePercent);
      providers.pwm().ifPresent(config::provider);
      return create(key, () -> pi4j.create(config));
    }

    Spi spi(String id, String key, SpiSettings settings) {
      SpiConfigBuilder config = Spi.newConfigBuilder(pi4j)
          .id(id)
          .bus(settings.bus())
          .channel(settings.chipSelect())
          .baud(settings.baud())
          .mode(SpiMode.MODE_0);
      providers.spi().ifPresent(config::provider);
      return create(key + ".cs", () -> pi4j.create(config));
    }

    <T> T create(String key, Supplier<T> creation) {
      try {
        return creation.get();
      } catch (RuntimeException e) {
        throw new IllegalStateException("Pi4J cannot create the IO for " + key + ": " + e.getMessage(), e);
      }
    }
  }
}
