package dev.kilowatt.core;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.ConnectorLock;
import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.Indicator;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.port.Relay;
import dev.kilowatt.core.port.RfidReader;
import java.util.ArrayList;
import java.util.List;

/** Minimal port fakes for domain tests: they record commands and let the test raise events. */
public final class FakeHardware {

  private FakeHardware() {}

  public static final class FakeRelay implements Relay {
    public Listener listener;
    public boolean closed;
    public int commands;

    @Override
    public void start(Listener listener) {
      this.listener = listener;
    }

    @Override
    public void close() {
      closed = true;
      commands++;
    }

    @Override
    public void open() {
      closed = false;
      commands++;
    }
  }

  public static final class FakePilot implements ControlPilot {
    public Listener listener;
    /** What the pilot signals: the offered amperes, 0 for steady +12 V, -1 for state F. */
    public double signalled;
    public int commands;
    /** Runs after every command, e.g. to check what all the pilots offer together at that instant. */
    public Runnable afterCommand = () -> {};

    @Override
    public void start(Listener listener) {
      this.listener = listener;
    }

    @Override
    public void offer(double amperes) {
      signalled = amperes;
      commands++;
      afterCommand.run();
    }

    @Override
    public void stopOffering() {
      signalled = 0;
      commands++;
      afterCommand.run();
    }

    @Override
    public void disable() {
      signalled = -1;
      commands++;
      afterCommand.run();
    }

    public void ev(PilotState state) {
      listener.onStateChanged(state);
    }

    public void fault(HardwareFault fault) {
      listener.onFault(fault);
    }
  }

  public static final class FakeMeter implements EnergyMeter {
    public Listener listener;
    public double energyWh;

    @Override
    public void start(Listener listener) {
      this.listener = listener;
    }

    public void read(double energyWh, double powerW) {
      this.energyWh = energyWh;
      listener.onReading(MeterReading.singlePhase(energyWh, powerW, 230.0, powerW / 230.0));
    }
  }

  /** A socket's lock that follows its commands at once, unless stuck: then it stays put and reports a lock failure. */
  public static final class FakeLock implements ConnectorLock {
    public ConnectorLock.Listener listener;
    public boolean locked;
    public boolean stuck;
    public final List<String> commands = new ArrayList<>();

    @Override
    public void start(ConnectorLock.Listener listener) {
      this.listener = listener;
    }

    @Override
    public void lock() {
      commands.add("lock");
      move(true);
    }

    @Override
    public void unlock() {
      commands.add("unlock");
      move(false);
    }

    private void move(boolean to) {
      if (stuck) {
        listener.onFault(new HardwareFault("lock", ConnectorFault.CONNECTOR_LOCK_FAILURE, "LOCK_STUCK", "did not move"));
      } else if (locked != to) {
        locked = to;
        listener.onLockChanged(to);
      }
    }
  }

  public static final class FakeReader implements RfidReader {
    public Listener listener;

    @Override
    public void start(Listener listener) {
      this.listener = listener;
    }

    public void present(String idTag) {
      listener.onCardPresented(idTag);
    }
  }

  public static final class FakePlatform implements Platform {
    public final List<RebootKind> reboots = new ArrayList<>();
    /** How many reboots still fail before one works. */
    public int failures;
    public int attempts;

    @Override
    public void reboot(RebootKind kind) {
      attempts++;
      if (failures > 0) {
        failures--;
        throw new IllegalStateException("the board refused to reboot");
      }
      reboots.add(kind);
    }
  }

  public static final class FakeIndicator implements Indicator {
    public int intensityPercent = -1;
    public final List<Integer> blinks = new ArrayList<>();

    @Override
    public void blink(int times) {
      blinks.add(times);
    }

    @Override
    public void setIntensity(int percent) {
      intensityPercent = percent;
    }
  }
}
