package dev.kilowatt.pi4j;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import dev.kilowatt.core.port.PilotState;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * One revision of a Raspberry Pi charger board as the adapters see it: which GPIO drives the contactor and
 * which reads its auxiliary contact, the PWM channel and the ADC of the control pilot with its calibration
 * and thresholds, where the card reader sits on SPI, the S0 input, the residual-current monitor input, a socket's
 * locking actuator with its feedback switch, and the charge point's light.
 *
 * <p>It is read from a properties file so that a new board revision is a new file, not a new build. The
 * documented sample, {@code dev/kilowatt/pi4j/raspberry-pi-board.properties} on the class path, lists every
 * key with its default. The card reader, the S0 meter, the residual-current monitor, the connector lock and the
 * light are optional sections: a board has one when any of its keys is set.
 */
public final class BoardDescription {

  /** The highest BCM GPIO number on the 40-pin header. */
  static final int MAX_GPIO = 27;

  private final String name;
  private final RelaySettings relay;
  private final PilotSettings pilot;
  private final Optional<RfidSettings> rfid;
  private final Optional<S0Settings> s0Meter;
  private final Optional<RcmSettings> rcm;
  private final Optional<Accessories.LockSettings> lock;
  private final Optional<Accessories.IndicatorSettings> indicator;
  private final Providers providers;

  private BoardDescription(BoardProperties in, String origin) {
    this.name = in.text("board.name").orElse(origin);
    this.relay = readRelay(in);
    this.pilot = readPilot(in);
    this.rfid = in.hasSection("rfid.") ? Optional.of(readRfid(in)) : Optional.empty();
    this.s0Meter = in.hasSection("meter.s0.") ? Optional.of(readS0(in)) : Optional.empty();
    this.rcm = in.hasSection("rcm.") ? Optional.of(readRcm(in)) : Optional.empty();
    this.lock = in.hasSection("lock.") ? Optional.of(Accessories.readLock(in)) : Optional.empty();
    this.indicator = in.hasSection("indicator.") ? Optional.of(Accessories.readIndicator(in)) : Optional.empty();
    this.providers = new Providers(
        in.text("provider.digital-input"), in.text("provider.digital-output"),
        in.text("provider.pwm"), in.text("provider.spi"));
    in.rejectUnknownKeys();
    checkPinsDistinct(in);
    checkChipSelectsDistinct(in);
  }

  /**
   * Reads a board description file (java.util.Properties format, UTF-8).
   *
   * @param file the board description
   * @return the description
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if a key is missing, unknown or has a bad value; the message names the
   *     file and the key
   */
  public static BoardDescription load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return parse(properties, file.getFileName().toString());
  }

  /**
   * Reads a board description from properties already loaded, e.g. from a class-path resource.
   *
   * @param origin where the properties came from, named in error messages (a file name)
   * @param properties the keys of a board description
   * @return the description
   * @throws IllegalArgumentException if a key is missing, unknown or has a bad value
   */
  public static BoardDescription parse(Properties properties, String origin) {
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(origin, "origin");
    return new BoardDescription(new BoardProperties(properties, origin), origin);
  }

  /** {@return the board's name ({@code board.name}), or the file it came from} */
  public String name() {
    return name;
  }

  RelaySettings relay() {
    return relay;
  }

  PilotSettings pilot() {
    return pilot;
  }

  Optional<RfidSettings> rfid() {
    return rfid;
  }

  Optional<S0Settings> s0Meter() {
    return s0Meter;
  }

  Optional<RcmSettings> rcm() {
    return rcm;
  }

  Optional<Accessories.LockSettings> lock() {
    return lock;
  }

  Optional<Accessories.IndicatorSettings> indicator() {
    return indicator;
  }

  Providers providers() {
    return providers;
  }

  @Override
  public String toString() {
    return "BoardDescription[" + name + ": relay on GPIO " + relay.coilPin() + ", pilot on PWM channel "
        + pilot.pwmChannel() + rfid.map(r -> ", card reader on SPI " + r.spi()).orElse("")
        + s0Meter.map(s -> ", S0 meter on GPIO " + s.pin()).orElse("")
        + rcm.map(r -> ", residual-current monitor on GPIO " + r.pin()).orElse("")
        + lock.map(l -> ", connector lock on GPIO " + l.lockPin()).orElse("")
        + indicator.map(i -> ", light on " + i.output()).orElse("") + "]";
  }

  private static RelaySettings readRelay(BoardProperties in) {
    Optional<FeedbackSettings> feedback = in.integer("relay.feedback.pin", 0, MAX_GPIO)
        .map(pin -> new FeedbackSettings(pin,
            in.level("relay.feedback.closed-level", DigitalState.LOW),
            in.pull("relay.feedback.pull", PullResistance.PULL_UP)));
    if (feedback.isEmpty() && in.hasSection("relay.feedback.")) {
      in.requiredInteger("relay.feedback.pin", 0, MAX_GPIO);
    }
    return new RelaySettings(
        in.requiredInteger("relay.pin", 0, MAX_GPIO),
        in.level("relay.active-level", DigitalState.HIGH),
        feedback,
        in.millis("relay.settle-ms", 200, 0, 10_000));
  }

  private static PilotSettings readPilot(BoardProperties in) {
    double a = in.decimal("pilot.threshold.a").orElse(10.5);
    double b = below(in, "pilot.threshold.b", 7.5, "pilot.threshold.a", a);
    double c = below(in, "pilot.threshold.c", 4.5, "pilot.threshold.b", b);
    double d = below(in, "pilot.threshold.d", 1.5, "pilot.threshold.c", c);
    double e = below(in, "pilot.threshold.e", -1.5, "pilot.threshold.d", d);
    double diode = below(in, "pilot.threshold.diode", -10.0, "pilot.threshold.e", e);
    double vref = in.decimal("pilot.adc.vref").orElse(3.3);
    if (vref <= 0) {
      throw in.error("pilot.adc.vref", "must be positive, got " + vref);
    }
    double gain = in.requiredDecimal("pilot.cp.gain");
    if (gain == 0) {
      throw in.error("pilot.cp.gain", "must not be zero");
    }
    return new PilotSettings(
        in.requiredInteger("pilot.pwm.channel", 0, 3),
        in.flag("pilot.pwm.inverted", false),
        readSpi(in, "pilot.adc.spi."),
        in.requiredInteger("pilot.adc.channel", 0, 7),
        new CpCalibration(vref, gain, in.requiredDecimal("pilot.cp.offset")),
        in.integer("pilot.burst.samples", 1, 10_000).orElse(100),
        in.millis("pilot.burst.interval-ms", 50, 1, 10_000),
        in.integer("pilot.debounce.bursts", 1, 100).orElse(3),
        new PilotThresholds(a, b, c, d, e, diode));
  }

  private static double below(BoardProperties in, String key, double defaultValue, String aboveKey, double above) {
    double value = in.decimal(key).orElse(defaultValue);
    if (value >= above) {
      throw in.error(key, "must be below " + aboveKey + " (" + above + "), got " + value);
    }
    return value;
  }

  private static SpiSettings readSpi(BoardProperties in, String prefix) {
    return new SpiSettings(
        in.requiredInteger(prefix + "bus", 0, 6),
        in.requiredInteger(prefix + "cs", 0, 10),
        in.integer(prefix + "baud", 10_000, 20_000_000).orElse(1_000_000));
  }

  private static RfidSettings readRfid(BoardProperties in) {
    return new RfidSettings(
        readSpi(in, "rfid.spi."),
        in.millis("rfid.poll-interval-ms", 200, 20, 10_000),
        in.integer("rfid.removal-polls", 1, 100).orElse(3));
  }

  private static S0Settings readS0(BoardProperties in) {
    String edgeKey = "meter.s0.count-edge";
    DigitalState levelAfterEdge = in.text(edgeKey).map(edge -> switch (edge.toLowerCase(Locale.ROOT)) {
      case "falling" -> DigitalState.LOW;
      case "rising" -> DigitalState.HIGH;
      default -> throw in.error(edgeKey, "expected falling or rising, got '" + edge + "'");
    }).orElse(DigitalState.LOW);
    double voltage = in.decimal("meter.s0.nominal-voltage").orElse(230.0);
    if (voltage <= 0) {
      throw in.error("meter.s0.nominal-voltage", "must be positive, got " + voltage);
    }
    return new S0Settings(
        in.requiredInteger("meter.s0.pin", 0, MAX_GPIO),
        in.requiredInteger("meter.s0.pulses-per-kwh", 1, 100_000),
        levelAfterEdge,
        in.pull("meter.s0.pull", PullResistance.PULL_UP),
        in.millis("meter.s0.debounce-ms", 10, 0, 1_000),
        in.seconds("meter.s0.idle-timeout-s", 60, 1, 86_400),
        voltage,
        in.seconds("meter.s0.report-interval-s", 10, 1, 3_600));
  }

  private static RcmSettings readRcm(BoardProperties in) {
    return new RcmSettings(
        in.requiredInteger("rcm.pin", 0, MAX_GPIO),
        in.level("rcm.tripped-level", DigitalState.LOW),
        in.pull("rcm.pull", PullResistance.PULL_UP));
  }

  private void checkPinsDistinct(BoardProperties in) {
    Map<String, Integer> pins = new LinkedHashMap<>();
    pins.put("relay.pin", relay.coilPin());
    relay.feedback().ifPresent(f -> pins.put("relay.feedback.pin", f.pin()));
    s0Meter.ifPresent(s -> pins.put("meter.s0.pin", s.pin()));
    rcm.ifPresent(r -> pins.put("rcm.pin", r.pin()));
    lock.ifPresent(l -> {
      pins.put("lock.pin", l.lockPin());
      l.unlockPin().ifPresent(pin -> pins.put("lock.unlock-pin", pin));
      pins.put("lock.feedback.pin", l.feedbackPin());
    });
    indicator.ifPresent(i -> {
      if (i.output() instanceof Accessories.IndicatorOutput.Switched switched) {
        pins.put("indicator.pin", switched.pin());
      }
    });
    Map<Integer, String> owners = new LinkedHashMap<>();
    pins.forEach((key, pin) -> {
      String owner = owners.putIfAbsent(pin, key);
      if (owner != null) {
        throw in.error(key, "GPIO " + pin + " is already used by " + owner);
      }
    });
  }

  private void checkChipSelectsDistinct(BoardProperties in) {
    indicator.ifPresent(i -> {
      if (i.output() instanceof Accessories.IndicatorOutput.Dimmed dimmed && dimmed.pwmChannel() == pilot.pwmChannel()) {
        throw in.error("indicator.pwm.channel", "PWM channel " + dimmed.pwmChannel() + " is already used by pilot.pwm.channel");
      }
    });
    rfid.ifPresent(r -> {
      if (r.spi().chipSelect() == pilot.adc().chipSelect()) {
        throw in.error("rfid.spi.cs", "chip select " + r.spi().chipSelect()
            + " is already used by pilot.adc.spi.cs (Pi4J 3 tells SPI devices apart by chip select alone,"
            + " whatever the bus)");
      }
    });
  }

  /** The contactor: coil output, optional auxiliary contact, and how long the contacts take to settle. */
  record RelaySettings(int coilPin, DigitalState coilActiveLevel, Optional<FeedbackSettings> feedback,
      Duration settleTime) {}

  /** The auxiliary contact: its input and the level it reads while the main contacts are closed. */
  record FeedbackSettings(int pin, DigitalState closedLevel, PullResistance pull) {}

  record PilotSettings(int pwmChannel, boolean inverted, SpiSettings adc, int adcChannel,
      CpCalibration calibration, int burstSamples, Duration burstInterval, int debounceBursts,
      PilotThresholds thresholds) {}

  record SpiSettings(int bus, int chipSelect, int baud) {
    @Override
    public String toString() {
      return "bus " + bus + " CS " + chipSelect;
    }
  }

  /**
   * How ADC counts become control-pilot volts: the divider maps the -12..+12 V pilot into 0..vref, so
   * pilot volts = gain x (ADC input volts) + offset. Calibrate two points per board.
   */
  record CpCalibration(double vref, double gain, double offset) {
    double pilotVolts(int count, int fullScale) {
      return gain * (count * vref / fullScale) + offset;
    }
  }

  /** The lowest high-phase voltage of each state, and the highest low-phase voltage a working EV diode gives. */
  record PilotThresholds(double a, double b, double c, double d, double e, double diode) {
    PilotState classify(double highVolts) {
      if (highVolts >= a) {
        return PilotState.A;
      } else if (highVolts >= b) {
        return PilotState.B;
      } else if (highVolts >= c) {
        return PilotState.C;
      } else if (highVolts >= d) {
        return PilotState.D;
      } else if (highVolts >= e) {
        return PilotState.E;
      }
      return PilotState.F;
    }
  }

  record RfidSettings(SpiSettings spi, Duration pollInterval, int removalPolls) {}

  /**
   * The S0 pulse input.
   *
   * @param countLevel the level the input takes at the counted edge
   * @param idleTimeout after this long without a pulse the power reads zero
   */
  record S0Settings(int pin, int pulsesPerKwh, DigitalState countLevel, PullResistance pull, Duration debounce,
      Duration idleTimeout, double nominalVoltage, Duration reportInterval) {}

  record RcmSettings(int pin, DigitalState trippedLevel, PullResistance pull) {}

  /** Pi4J provider ids per IO type; when absent Pi4J picks its default for the platform. */
  record Providers(Optional<String> digitalInput, Optional<String> digitalOutput, Optional<String> pwm,
      Optional<String> spi) {}
}
